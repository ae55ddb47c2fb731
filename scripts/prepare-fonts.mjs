// Prepares the embedded fonts at build time: pdfkit (fontkit) parses every table it finds for each
// document, but Feuillet lays out plain left-to-right French text, so the OpenType layout tables
// (kerning, ligatures, glyph classes) and the PostScript glyph names are never used. Dropping them
// keeps every glyph and its metrics — accents and « € » included — and makes each PDF much cheaper.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

/** Tables removed: OpenType layout (GPOS/GSUB/GDEF/BASE/JSTF), legacy kerning, device metrics caches. */
export const DROPPED_TABLES = ['GPOS', 'GSUB', 'GDEF', 'BASE', 'JSTF', 'kern', 'hdmx', 'LTSH', 'VDMX', 'DSIG'];

const pad4 = (n) => (n + 3) & ~3;

function checksum(buf) {
  const padded = Buffer.alloc(pad4(buf.length));
  buf.copy(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** A TrueType font without the dropped tables, and with a version 3 `post` table (no glyph names). */
export function stripFont(font) {
  const numTables = font.readUInt16BE(4);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = font.toString('latin1', rec, rec + 4);
    const offset = font.readUInt32BE(rec + 8);
    const length = font.readUInt32BE(rec + 12);
    if (DROPPED_TABLES.includes(tag)) continue;
    let data = Buffer.from(font.subarray(offset, offset + length));
    if (tag === 'post' && data.length >= 32) {
      data = Buffer.from(data.subarray(0, 32));
      data.writeUInt32BE(0x00030000, 0);
    }
    tables.push({ tag, data });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const n = tables.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(font.readUInt32BE(0), 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(n * 16 - searchRange, 10);
  let offset = header.length;
  const bodies = [];
  let headOffset = -1;
  tables.forEach((t, i) => {
    if (t.tag === 'head') {
      t.data.writeUInt32BE(0, 8); // checkSumAdjustment, set below
      headOffset = offset;
    }
    const rec = 12 + i * 16;
    header.write(t.tag, rec, 4, 'latin1');
    header.writeUInt32BE(checksum(t.data), rec + 4);
    header.writeUInt32BE(offset, rec + 8);
    header.writeUInt32BE(t.data.length, rec + 12);
    const padded = Buffer.alloc(pad4(t.data.length));
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  const out = Buffer.concat([header, ...bodies]);
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return out;
}

/** Copies `from` to `to`, stripping every .ttf on the way (the licence and other files as they are). */
export function prepareFonts(from, to) {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) {
    if (file.endsWith('.ttf')) writeFileSync(join(to, file), stripFont(readFileSync(join(from, file))));
    else copyFileSync(join(from, file), join(to, file));
  }
}
