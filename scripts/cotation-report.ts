// Prints every published cotation example (tests/fixtures/cotation-examples.json) with the engine's lines and
// explanation beside the source's cotation and words, so that a nurse or a kiné can review the engine without
// reading code. `npm run cotation:report` (add `-- --only-disagreements` to see only what differs).
import { formatActCode } from '../core/domain/acts.ts';
import { formatEuros } from '../core/domain/money.ts';
import { formatFrDate } from '../core/domain/dates.ts';
import { agrees, countByKind, EXAMPLE_KINDS, EXAMPLES, ExampleRunner } from '../tests/helpers/cotation-examples.ts';

const KIND_FR: Record<(typeof EXAMPLE_KINDS)[number], string> = {
  worked: 'cas publié, coté par la source',
  rule: 'règle publiée, plus petite visite',
  'rule-derived': 'règle publiée, visite construite',
  table: 'ligne d\'un tableau de tarifs',
  'third-party': 'interprétation d\'un tiers (non officielle)',
};
const onlyDisagreements = process.argv.includes('--only-disagreements');
const runner = new ExampleRunner();
let same = 0;
const out: string[] = [];
try {
  for (const e of EXAMPLES) {
    const o = await runner.run(e);
    const ok = agrees(o);
    if (ok) same += 1;
    if (onlyDisagreements && ok) continue;
    const who = e.profession === 'infirmier' ? 'Infirmier' : 'Kinésithérapeute';
    out.push(
      `${ok ? '✓' : '✗'} ${e.id} [${KIND_FR[e.kind]}] — ${who}, ${e.zone === 'dom' ? 'DOM' : 'métropole'}, ${e.visit.place}, ${formatFrDate(e.visit.date)}${e.exactDate ? '' : ' (jour choisi dans la période de la source)'}`,
      `  Source       : ${e.source}`,
      `  La source dit : ${e.sourceSays}${e.expected.totalCents === null ? ' (total non comparé : seules les lignes le sont)' : ` = ${formatEuros(e.expected.totalCents)}`}`,
      ...(e.quote ? [`  Citation     : ${e.quote}`] : []),
      o.error
        ? `  Feuillet     : refusé — ${o.error}`
        : `  Feuillet     : ${o.invoice!.lines.map((l) => `${formatActCode(l.code, l.coefficient, l.ratePercent)} (${formatEuros(l.amountCents)})`).join(' + ')} = ${formatEuros(o.invoice!.totalCents)}`,
      ...o.explanations.filter((x) => x !== '').map((x) => `    · ${x}`),
      '',
    );
  }
  out.push(`${same} exemple(s) sur ${EXAMPLES.length} : Feuillet donne la cotation de la source.`, '', 'Exemples par nature (infirmier / kinésithérapeute) :');
  const counts = countByKind(EXAMPLES);
  for (const k of EXAMPLE_KINDS) out.push(`  ${KIND_FR[k].padEnd(44)} ${String(counts[k].infirmier).padStart(4)} / ${String(counts[k].kine).padStart(4)}`);
  out.push(`Seuls les cas publiés cotés par la source comptent : ${counts.worked.infirmier + counts.worked.kine} (objectif : 120).`);
  console.log(out.join('\n'));
} finally {
  runner.dispose();
}
if (same !== EXAMPLES.length) process.exitCode = 1;
