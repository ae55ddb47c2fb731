/** CSV formula injection (OWASP « CSV Injection »): cells a spreadsheet would run are made text. */
import { describe, expect, it } from 'vitest';
import { csvCell, csvEuros, neutraliseFormula, toCsv } from '../../../core/domain/csv.ts';

describe('CSV formula neutralisation', () => {
  it('prefixes an apostrophe to cells beginning with = + - @, tab or CR', () => {
    expect(csvCell('=HYPERLINK("http://x";"clic")')).toBe('"\'=HYPERLINK(""http://x"";""clic"")"');
    expect(csvCell('+33 1 43 00 00 00')).toBe("'+33 1 43 00 00 00");
    expect(csvCell('-2+3+cmd|calc')).toBe("'-2+3+cmd|calc");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
    expect(csvCell('  =1+1')).toBe("'  =1+1");
  });

  it('also neutralises cells starting with invisible format characters or fullwidth ＝ ＋ － ＠', () => {
    for (const lead of ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u202E', '\u2066', '\u2028', '\u2029', '\u00AD']) {
      expect(neutraliseFormula(`${lead}Diallo`)).toBe(`'${lead}Diallo`);
      expect(neutraliseFormula(`${lead}=1+1`)).toBe(`'${lead}=1+1`);
    }
    expect(neutraliseFormula('\uFF1DHYPERLINK("http://x")')).toBe('\'\uFF1DHYPERLINK("http://x")');
    expect(neutraliseFormula('\uFF0B33 1 43')).toBe("'\uFF0B33 1 43");
    expect(neutraliseFormula('\uFF0D2+3')).toBe("'\uFF0D2+3");
    expect(neutraliseFormula('\uFF20SUM(A1)')).toBe("'\uFF20SUM(A1)");
    expect(neutraliseFormula(' \u200B\uFF1D1')).toBe("' \u200B\uFF1D1");
    expect(neutraliseFormula('Diallo\u200B')).toBe('Diallo\u200B');
  });

  it('leaves numbers, negative amounts and ordinary text alone', () => {
    expect(csvCell(csvEuros(-1234))).toBe('-12,34');
    expect(csvCell('+5')).toBe('+5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('Diallo')).toBe('Diallo');
    expect(csvCell('VIR CPAM = 12 €')).toBe('VIR CPAM = 12 €');
    expect(neutraliseFormula('N°=3')).toBe('N°=3');
  });

  it('applies to every cell of an export', () => {
    const csv = toCsv(['Patient', 'Référence'], [['=cmd', '@x']]);
    expect(csv).toBe("\uFEFFPatient;Référence\r\n'=cmd;'@x\r\n");
  });
});
