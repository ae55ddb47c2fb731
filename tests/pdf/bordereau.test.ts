import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pages, rawText, renderPng, text } from './pdf-tools.ts';
import { buildPractitionerInput, makeTestBackend, nirOf, NIR_1, validatedInvoice, type TestBackend } from '../helpers/test-backend.ts';

/** PDFs are produced through the real use cases, then read back with poppler. */
let t: TestBackend;
let practitionerId: number;
beforeAll(async () => {
  t = makeTestBackend();
  practitionerId = (await t.call('practitioners/create', buildPractitionerInput({ lastName: 'Ben Saïd-Lefèvre', firstName: 'Hélène' }))).id;
});
afterAll(() => t.dispose());

/** n validated invoices for n patients of CPAM 01 751; the first ones AME, the last one normal with tiers payant AMO. */
async function invoices(n: number, long = false): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const ame = i < n - 1;
    const invoice = await validatedInvoice(t, practitionerId, {
      ame,
      tiersPayantAmo: !ame,
      patient: {
        nir: ame ? nirOf(`8850599${String(i).padStart(6, '0')}`) : NIR_1,
        lastName: long && i === 0 ? 'de la Fontaine-Abdelkader-Bensaïd-Rodríguez-Øster' : `N'Diaye-${String.fromCharCode(65 + (i % 26))}`,
        firstName: i % 2 ? 'Séverine' : 'Zoé',
      },
      lines: [
        { actDate: '2026-11-02', code: 'AMI', coefficient: 1, quantity: 1 },
        { actDate: '2026-11-20', code: 'AMI', coefficient: 4.1, quantity: 1 },
      ],
    });
    ids.push(invoice.id);
  }
  return ids;
}

describe('bordereau PDF', () => {
  it('lists each invoice of the batch with its patient, NIR, dates and amounts, and the totals', async () => {
    const ids = await invoices(3);
    const { bordereau, document } = await t.call('bordereaux/create', { practitionerId, invoiceIds: ids, sentOn: '2026-11-25' });
    const file = join(t.dir, "documents", document!.fileName);
    renderPng(file, 'bordereau');
    const s = text(file);
    expect(s).toContain("Bordereau d'envoi à la caisse");
    expect(s).toContain('Feuilles de soins papier — mode dégradé (sans carte Vitale)');
    expect(s).toContain('AME : organisme complémentaire 0075500017');
    expect(s).toContain(`Bordereau n° ${bordereau.number}`);
    expect(s).toContain('envoyé le 25/11/2026');
    // Addressed from the caisses catalogue (seeded from the Assurance Maladie's public list).
    expect(s).toContain('Assurance Maladie de Paris');
    expect(s).toContain('75948 PARIS Cedex 19');
    expect(s).toMatch(/Régime \/ caisse\s*:\s*01 \/ 751/);
    expect(s).toMatch(/Factures AME de base\s*:\s*2 sur 3/);
    expect(s).toContain('BEN SAÏD-LEFÈVRE Hélène');
    expect(s).toContain('751234567');
    // AMI 1 (3,15 €) + AMI 4,1 (12,92 €) = 16,07 € each; the AME ones are awaited in full, the last one at 60 % (9,64 €).
    const rows = s.split('\n').filter((l) => /^\s*\d+\s+N'DIAYE/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/02\/11 au 20\/11\/2026\s+oui\s+16,07\s€\s+16,07\s€/);
    expect(rows[2]).toMatch(/1 88 05 62 765 118 76\s+02\/11 au 20\/11\/2026\s+16,07\s€\s+9,64\s€/);
    expect(s).toMatch(/3 factures\s+Montant total\s+48,21\s€/);
    expect(s).toMatch(/À payer par la caisse \(tiers payant\)\s+41,78\s€/);
    expect(s).toContain('3 feuilles de soins papier, signées par les patients');
    expect(s).toContain("ne télétransmet pas");
    expect(pages(file)).toBe(1);
  });

  it('runs onto a second page with 40 invoices and long names, nothing overflowing', async () => {
    const ids = await invoices(40, true);
    const { document } = await t.call('bordereaux/create', { practitionerId, invoiceIds: ids, sentOn: '2026-11-25' });
    const file = join(t.dir, "documents", document!.fileName);
    renderPng(file, 'bordereau-long');
    const s = text(file);
    expect(pages(file)).toBe(2);
    expect(s).toContain('(suite)');
    expect(s).toContain('page 2/2');
    expect(s).toContain('DE LA FONTAINE-ABD…'); // cut to its column, never overflowing
    expect(s.split('\n').filter((l) => /^\s*\d+\s+(N'DIAYE|DE LA FONTAINE)/.test(l))).toHaveLength(40);
    expect(s).toMatch(/40 factures\s+Montant total\s+642,80\s€/);
  });

  it('prints a cancelled bordereau stamped ANNULÉ with its reason', async () => {
    const ids = await invoices(1);
    const { bordereau } = await t.call('bordereaux/create', { practitionerId, invoiceIds: ids, sentOn: '2026-11-25' });
    await t.call('bordereaux/cancel', { id: bordereau.id, reason: 'Envoyé à la mauvaise caisse' });
    const doc = await t.call('bordereaux/print', { id: bordereau.id });
    const file = join(t.dir, 'documents', doc.fileName);
    renderPng(file, 'bordereau-annule');
    // The diagonal stamp is extracted as a raw run of characters; the reason line is plain text.
    expect(rawText(file)).toContain('ANNULÉ');
    expect(text(file)).toContain('Bordereau annulé le 25/11/2026 — motif : Envoyé à la mauvaise caisse');
  });
});
