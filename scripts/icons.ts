/**
 * `npm run icons`: draws build/icon.svg at every size the installers need, with resvg (npm
 * @resvg/resvg-js, prebuilt for each platform), and packs them as electron-builder expects:
 *   build/icon.png (1024), build/icons/<n>x<n>.png (Linux), build/icon.ico (Windows), build/icon.icns (macOS).
 * Each size is rendered from the vector, not scaled down from a big PNG. The outputs are committed;
 * tests/electron/builder-config.test.ts checks they match the SVG.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD = join(ROOT, 'build');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** ICNS entry types with PNG payloads (macOS 10.7+) and their pixel sizes. */
export const ICNS_TYPES: readonly [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

export function renderPng(svg: string | Buffer, size: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' });
  return Buffer.from(resvg.render().asPng());
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.readUInt32BE(0) !== 0x89504e47 || png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** ICO with PNG-compressed entries (Windows Vista and later; 256 px must be PNG anyway). */
export function icoFrom(pngs: Buffer[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(pngs.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * pngs.length;
  for (const png of pngs) {
    const { width, height } = pngSize(png);
    const e = Buffer.alloc(16);
    e.writeUInt8(width >= 256 ? 0 : width, 0);
    e.writeUInt8(height >= 256 ? 0 : height, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...pngs]);
}

/** Reads an ICO's directory back: size (0 means 256) and the PNG of each entry. */
export function readIco(ico: Buffer): { width: number; height: number; png: Buffer }[] {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an ICO');
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const e = 6 + 16 * i;
    const length = ico.readUInt32LE(e + 8);
    const offset = ico.readUInt32LE(e + 12);
    return { width: ico.readUInt8(e) || 256, height: ico.readUInt8(e + 1) || 256, png: ico.subarray(offset, offset + length) };
  });
}

/** ICNS: 'icns' + total length, then (type, length incl. 8-byte header, PNG) per entry. */
export function icnsFrom(entries: [string, Buffer][]): Buffer {
  const chunks = entries.map(([type, png]) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([header, ...chunks]);
}

export function readIcns(icns: Buffer): { type: string; png: Buffer }[] {
  if (icns.toString('ascii', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) throw new Error('not an ICNS');
  const out: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < icns.length; ) {
    const length = icns.readUInt32BE(at + 4);
    out.push({ type: icns.toString('ascii', at, at + 4), png: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return out;
}

/** Every file the script writes, by path relative to build/, from the SVG's text. */
export function iconFiles(svg: string): Map<string, Buffer> {
  const cache = new Map<number, Buffer>();
  const png = (size: number) => {
    if (!cache.has(size)) cache.set(size, renderPng(svg, size));
    return cache.get(size)!;
  };
  const files = new Map<string, Buffer>();
  files.set('icon.png', png(1024));
  for (const s of LINUX_SIZES) files.set(`icons/${s}x${s}.png`, png(s));
  files.set('icon.ico', icoFrom(ICO_SIZES.map(png)));
  files.set('icon.icns', icnsFrom(ICNS_TYPES.map(([type, size]) => [type, png(size)])));
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const svg = readFileSync(join(BUILD, 'icon.svg'), 'utf8');
  for (const [rel, data] of iconFiles(svg)) {
    const file = join(BUILD, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
    console.log(`build/${rel} (${data.length} octets)`);
  }
}
