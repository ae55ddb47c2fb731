/**
 * Importing a patient list from another software: CSV and XLSX, the column mapping remembered by file layout,
 * NIR/NIA keys checked, AME rights imported where the columns exist, duplicates (NIR; name + birth date)
 * refused, all or nothing, and a report of the refused rows with their reason.
 */
import writeXlsxFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeNirKey } from '../../../core/domain/nir.ts';
import { makeTestBackend, type TestBackend } from '../../helpers/test-backend.ts';
import { patientListCsv } from '../../helpers/patient-list.ts';

let t: TestBackend;
beforeEach(() => {
  t = makeTestBackend();
});
afterEach(() => t.dispose());

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

describe('importing a patient list', () => {
  it('2,000 rows with 3 bad NIR keys and 2 duplicates: 1,995 patients and a 5-row report; the same file twice imports nothing new', async () => {
    // Two patients already here: one by NIR, one by name and birth date.
    const list = patientListCsv(2000, { badKeysAt: [10, 500, 1999], duplicatesAt: [20, 700] });
    await t.call('patients/create', list.existing[0]!);
    await t.call('patients/create', list.existing[1]!);
    const preview = await t.call('patients-import/preview', { fileName: 'export-logiciel.csv', contentBase64: b64(list.csv) });
    expect(preview.rowCount).toBe(2000);
    expect(preview.remembered).toBe(false);
    expect(preview.headers).toEqual(['N° SS', 'Nom', 'Prénom', 'Né(e) le', 'Sexe', 'Adresse', 'CP', 'Ville', 'Tél.', 'Début AME', 'Fin AME']);
    expect(preview.mapping).toEqual({ nir: 0, lastName: 1, firstName: 2, birthDate: 3, sex: 4, addressLine: 5, postalCode: 6, city: 7, phone: 8, ameStart: 9, ameEnd: 10 });
    expect(preview.sample).toHaveLength(5);

    // The user leaves the phone out: the mapping kept for this layout is the one used.
    const { phone: _phone, ...mapping } = preview.mapping;
    const started = performance.now();
    const r = await t.call('patients-import/run', { fileName: 'export-logiciel.csv', contentBase64: b64(list.csv), mapping });
    const ms = performance.now() - started;
    expect(r.imported).toBe(1995);
    expect(r.refused.map((x) => x.line)).toEqual([12, 22, 502, 702, 2001]);
    expect(r.refused.find((x) => x.line === 12)!.reason).toMatch(/clé/i);
    expect(r.refused.find((x) => x.line === 22)!.reason).toBe('Doublon : un patient avec ce NIR / NIA (et ce rang de naissance) existe déjà.');
    expect(r.refused.find((x) => x.line === 702)!.reason).toBe('Doublon : un patient de même nom, prénom et date de naissance existe déjà.');
    expect(r.reportCsv!.split('\r\n').filter((l) => l !== '')).toHaveLength(6);
    expect(r.reportCsv!.startsWith('\uFEFFLigne;Nom;NIR / NIA;Motif du refus\r\n12;')).toBe(true);
    expect(t.count('patients')).toBe(1997);
    expect(r.ameRights).toBe(list.ameRows);
    expect(t.count('coverages')).toBe(list.ameRows);
    expect(ms).toBeLessThan(15_000);

    // The same layout again: the mapping chosen is offered back; importing it twice adds nothing.
    const again = await t.call('patients-import/preview', { fileName: 'export-logiciel.csv', contentBase64: b64(list.csv) });
    expect(again).toMatchObject({ remembered: true, mapping });
    const twice = await t.call('patients-import/run', { fileName: 'export-logiciel.csv', contentBase64: b64(list.csv), mapping });
    expect(twice.imported).toBe(0);
    expect(twice.refused).toHaveLength(2000);
    expect(t.count('patients')).toBe(1997);
  }, 60_000);

  it('all or nothing: a failure in the middle leaves no patient of the file', async () => {
    const list = patientListCsv(50, {});
    const mapping = (await t.call('patients-import/preview', { fileName: 'l.csv', contentBase64: b64(list.csv) })).mapping;
    // A trigger makes the 30th insert fail inside the transaction.
    t.ctx.db.exec("CREATE TEMP TRIGGER fail_30 BEFORE INSERT ON main.patients WHEN (SELECT count(*) FROM main.patients) = 29 BEGIN SELECT RAISE(ABORT, 'boom'); END;");
    expect((await t.fails('patients-import/run', { fileName: 'l.csv', contentBase64: b64(list.csv), mapping })).code).toBe('conflict');
    expect(t.count('patients')).toBe(0);
    expect(t.count('import_layouts')).toBe(0);
  });

  it('reads an XLSX workbook (dates as Excel dates), Windows-1252 CSV, and refuses what is not a list', async () => {
    const body = '1850599200123';
    const nir = body + computeNirKey(body)!;
    const xlsx = await writeXlsxFile([
      [{ value: 'Nom' }, { value: 'Prénom' }, { value: 'Date de naissance' }, { value: 'NIR' }],
      [{ value: 'Kouyaté' }, { value: 'Awa' }, { type: Date, value: new Date(Date.UTC(1985, 4, 14)), format: 'dd/mm/yyyy' }, { value: nir }],
    ]).toBuffer();
    const preview = await t.call('patients-import/preview', { fileName: 'patients.xlsx', contentBase64: b64(xlsx) });
    expect(preview.sample).toEqual([['Kouyaté', 'Awa', '1985-05-14', nir]]);
    const r = await t.call('patients-import/run', { fileName: 'patients.xlsx', contentBase64: b64(xlsx), mapping: preview.mapping });
    expect(r).toMatchObject({ imported: 1, refused: [] });
    expect((await t.call('patients/search', { query: 'kouyate' }))[0]).toMatchObject({ lastName: 'Kouyaté', birthDate: '1985-05-14' });

    const latin1 = Buffer.from(`Nom;Prénom;Date de naissance;NIR\r\nLefèvre;Hélène;02/03/1990;${'2900375100234'}${computeNirKey('2900375100234')}\r\n`, 'latin1');
    const p2 = await t.call('patients-import/preview', { fileName: 'ancien.csv', contentBase64: b64(latin1) });
    expect(p2.sample[0]!.slice(0, 2)).toEqual(['Lefèvre', 'Hélène']);

    expect((await t.fails('patients-import/preview', { fileName: 'photo.png', contentBase64: b64('not a list') })).message_fr).toBe(
      'Format non reconnu : choisissez un fichier CSV (.csv) ou Excel (.xlsx).',
    );
    expect((await t.fails('patients-import/preview', { fileName: 'faux.xlsx', contentBase64: b64('PK\x03\x04garbage') })).message_fr).toMatch(/^Ce classeur Excel ne peut pas être lu/);
    expect((await t.fails('patients-import/run', { fileName: 'l.csv', contentBase64: b64(latin1), mapping: { lastName: 0 } })).message_fr).toBe('Choisissez la colonne « Prénom ».');
  });

  it('refuses names with bidi overrides in an imported row, like the form', async () => {
    const body = '1850599200123';
    const csv = `Nom;Prénom;Date de naissance;NIR\n\u202Enitram;Paul;01/01/1980;${body}${computeNirKey(body)}\n`;
    const mapping = (await t.call('patients-import/preview', { fileName: 'l.csv', contentBase64: b64(csv) })).mapping;
    const r = await t.call('patients-import/run', { fileName: 'l.csv', contentBase64: b64(csv), mapping });
    expect(r.refused[0]!.reason).toBe('Le nom de naissance : caractère non autorisé (caractère de contrôle) : retapez le texte.');
  });
});
