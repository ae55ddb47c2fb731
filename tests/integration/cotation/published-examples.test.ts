/**
 * Acceptance (issue 18): the published worked cotation examples of tests/fixtures/cotation-examples.json, nurse
 * and kiné, run through the dispatcher (`invoices/update-draft` with one visit) and compared to the cent with the
 * source's cotation. Each test's name carries its source (document and page or URL); `npm run cotation:report`
 * prints the engine's explanation beside the source's words for the same examples.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { agrees, EXAMPLES, ExampleRunner } from '../../helpers/cotation-examples.ts';

const runner = new ExampleRunner();
afterAll(() => runner.dispose());

describe('published cotation examples, to the cent, through the API', () => {
  it('has at least 120 examples, nurse and kiné, each with its source', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(120);
    expect(EXAMPLES.filter((e) => e.profession === 'infirmier').length).toBeGreaterThan(50);
    expect(EXAMPLES.filter((e) => e.profession === 'masseur-kinesitherapeute').length).toBeGreaterThan(50);
    for (const e of EXAMPLES) expect(e.source.length, e.id).toBeGreaterThan(10);
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
