/**
 * The sources and « à vérifier » notes of the catalogue rows name the project's own rules file
 * (« BILLING-RULES §4 »): a word of ours, meaningless to the user (issue #19 item 14). Shown without it.
 */
const RULES = String.raw`BILLING-RULES(?:\.md)?(?:\s*§\s*\d+(?:\s*(?:,|et)\s*§?\s*\d+)*)?`;

export function sourceForUser(text: string): string {
  const out = text
    .replace(new RegExp(String.raw`\b(?:dans|avec)\s+${RULES}`, 'g'), 'avec une seconde source')
    .replace(new RegExp(String.raw`\s*[;,]?\s*${RULES}\s*[;,]?`, 'g'), ' ')
    .replace(/\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/^\s*[;,]\s*|\s*[;,]\s*$/g, '')
    .trim();
  return out === '' ? 'règles tarifaires en vigueur (NGAP, avenants)' : out;
}
