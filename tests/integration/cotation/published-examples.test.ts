/**
 * Acceptance (issue 18): the published worked cotation examples of tests/fixtures/cotation-examples.json, nurse
 * and kiné, run through the dispatcher (`invoices/update-draft` with one visit) and compared to the cent with the
 * source's cotation. Each test's name carries its source (document and page or URL); `npm run cotation:report`
 * prints the engine's explanation beside the source's words for the same examples.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { agrees, citesDocument, countByKind, EXAMPLES, ExampleRunner } from '../../helpers/cotation-examples.ts';

const runner = new ExampleRunner();
afterAll(() => runner.dispose());

describe('published cotation examples, to the cent, through the API', () => {
  // Issue 18 asks for 120 published worked examples. The public material reachable from this project's machines holds
  // 105 so far (docs/DESIGN.md §6 says where they were searched): the floor below is that count, so none is lost, and
  // rises with every example found — never with a rule illustration or a tariff-table row. ILM n°275 (« ne peuvent
  // être facturées qu'une seule fois dans l'exemple cité », espaceinfirmier.fr n-275) states the rule for the
  // reader's night visit but cotes neither its acts nor its hour band; ILM n°333's « AMI 1,5 + MAU (6,08 euros) » is
  // the reader's cotation the source corrects to AMI 2,5 for that cancer patient (« vous auriez pu … coter AMI 2,5 »):
  // both `rule`, not counted.
  it('keeps its 105 published worked examples (the source cotes that visit), nurse and kiné, each naming its document and page or URL', () => {
    // Rule illustrations, tariff-table rows and third-party interpretations run below too, but never count.
    const counts = countByKind(EXAMPLES);
    const worked = EXAMPLES.filter((e) => e.kind === 'worked');
    expect(worked.length).toBeGreaterThanOrEqual(105);
    expect(worked.map((e) => e.id)).not.toContain('ILM275-nuit-une-seule-majoration');
    expect(worked.map((e) => e.id)).not.toContain('ILM333-IVD-ordinaire-compare');
    expect(counts.worked.infirmier).toBeGreaterThan(0);
    expect(counts.worked.kine).toBeGreaterThan(0);
    for (const e of worked) {
      expect(citesDocument(e.source), `${e.id}: ${e.source}`).toBe(true);
      expect(e.quote.length, `${e.id}: the source's words`).toBeGreaterThan(10);
    }
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
  });

  for (const e of EXAMPLES) {
    it(`${e.id} — ${e.sourceSays} — ${e.source}`, async () => {
      const outcome = await runner.run(e);
      expect(outcome.error).toBeNull();
      expect([...outcome.lines].sort()).toEqual([...e.expected.lines].sort());
      if (e.expected.totalCents !== null) expect(outcome.totalCents).toBe(e.expected.totalCents);
      expect(agrees(outcome)).toBe(true);
    });
  }
});
