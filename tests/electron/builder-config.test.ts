/**
 * The installers' configuration (electron-builder.yml), checked without packaging (which needs the
 * internet): loaded and validated by electron-builder's own loader and JSON schema, then every id,
 * target, fuse and path it names. Paths under out/ need `npm run build` (npm test builds first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, iconFiles, LINUX_SIZES, pngSize, readIcns, readIco } from '../../scripts/icons.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let config: Config;
beforeAll(async () => {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Config>;
    validateConfiguration(config: Config, debugLogger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false));
});

/** Every file under `dir` (relative to ROOT, forward slashes). */
const walk = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [relative(ROOT, join(ROOT, dir, e.name)).split('\\').join('/')],
  );
const globToRegExp = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`);

describe('electron-builder configuration', () => {
  it('is the file electron-builder finds, valid against its schema, with our ids', () => {
    expect(config.appId).toBe('fr.feuillet.desktop');
    expect(config.productName).toBe('Feuillet');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'dist' });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.productName).toBe(config.productName);
    for (const script of ['dist', 'dist:win', 'dist:mac', 'dist:linux']) expect(pkg.scripts[script]).toMatch(/^node scripts\/dist\.mjs/);
  });

  it('targets NSIS (Windows, per-user, French, shortcuts, data kept), dmg (macOS), AppImage and deb (Linux)', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      perMachine: false,
      oneClick: false,
      allowElevation: false,
      installerLanguages: ['fr_FR'],
      language: '1036',
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      shortcutName: 'Feuillet',
      deleteAppDataOnUninstall: false,
    });
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/); // deb refuses a package without one
  });

  it('unpacks better-sqlite3 from the archive and leaves native rebuilds to scripts/dist.mjs', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**', 'node_modules/csv-parse/**', 'node_modules/fast-xml-parser/**', 'node_modules/ofx-js/**']);
    expect(config.npmRebuild).toBe(false);
    const dist = readFileSync(join(ROOT, 'scripts/dist.mjs'), 'utf8');
    expect(dist).toContain("'install-app-deps'");
    expect(dist).toContain("'rebuild', 'better-sqlite3'");
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies).toHaveProperty('better-sqlite3');
  });

  it('flips the hardening fuses: no RunAsNode, cookies encrypted, ASAR integrity, app only from ASAR', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the built app (main, preload, renderer, migrations, fonts) but not the browser-mode bridge', () => {
    // electron-builder's loader normalises `files` to [{ filter: [...] }].
    const patterns = (config.files as (string | { filter: string[] })[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(patterns).toEqual(['out/**', '!out/bridge/**', 'package.json']);
    const files = [...walk('out'), 'package.json'];
    const included = files.filter((f) => {
      let keep = false;
      for (const pattern of patterns) {
        if (pattern.startsWith('!')) keep &&= !globToRegExp(pattern.slice(1)).test(f);
        else keep ||= globToRegExp(pattern).test(f);
      }
      return keep;
    });
    const main = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main as string;
    for (const needed of [main, 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) expect(included, needed).toContain(needed);
    expect(included.some((f) => f.startsWith('out/migrations/') && f.endsWith('.sql'))).toBe(true);
    expect(included.some((f) => f.startsWith('out/fonts/') && f.endsWith('.ttf'))).toBe(true);
    expect(included.some((f) => f.startsWith('out/bridge/'))).toBe(false);
  });

  it('names only paths that exist: build resources, icons, the native module to unpack', () => {
    const res = (p: string) => join(ROOT, config.directories.buildResources, p);
    expect(statSync(res(config.win.icon)).isFile()).toBe(true);
    expect(statSync(res(config.mac.icon)).isFile()).toBe(true);
    expect(statSync(res(config.linux.icon)).isDirectory()).toBe(true);
    expect(existsSync(res('icon.png'))).toBe(true);
    const unpacked = walk('node_modules/better-sqlite3').filter((f) => globToRegExp(config.asarUnpack[0]).test(f));
    expect(unpacked).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  });

  it('unpacks every file the statement-parsing worker loads, and the worker reads them from app.asar.unpacked', async () => {
    const { libraries, unpackedPath, WORKER_PACKAGES } = await import('../../electron/statements/parse-off-thread.ts');
    const libs = libraries();
    const files = [libs.csv, libs.xml, fileURLToPath(libs.ofx)].map((f) => relative(ROOT, f).split(sep).join('/'));
    for (const f of files) expect(config.asarUnpack.some((p: string) => globToRegExp(p).test(f)), f).toBe(true);
    // The worker's files need nothing else at run time (bundled CommonJS, or ESM without imports).
    for (const pkg of WORKER_PACKAGES) expect(config.asarUnpack).toContain(`node_modules/${pkg}/**`);
    for (const f of files) expect(readFileSync(join(ROOT, f), 'utf8')).not.toMatch(/require\(["'][^."']|^import .* from ["'][^."']/m);
    expect(unpackedPath('/opt/Feuillet/resources/app.asar/node_modules/ofx-js/ofx.js')).toBe('/opt/Feuillet/resources/app.asar.unpacked/node_modules/ofx-js/ofx.js');
    expect(unpackedPath('C:\\Feuillet\\resources\\app.asar\\node_modules\\csv-parse\\x.cjs')).toBe('C:\\Feuillet\\resources\\app.asar.unpacked\\node_modules\\csv-parse\\x.cjs');
    expect(unpackedPath('/work/node_modules/csv-parse/x.cjs')).toBe('/work/node_modules/csv-parse/x.cjs');
  });
});

describe('icons (build/icon.svg drawn at every size by `npm run icons`)', () => {
  it('has the Linux PNG set at the right sizes', () => {
    for (const s of LINUX_SIZES) expect(pngSize(readFileSync(join(ROOT, `build/icons/${s}x${s}.png`)))).toEqual({ width: s, height: s });
    expect(pngSize(readFileSync(join(ROOT, 'build/icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('has a Windows .ico with 16 to 256 px and a macOS .icns with 16 to 1024 px, each a real PNG of its size', () => {
    const ico = readIco(readFileSync(join(ROOT, 'build/icon.ico')));
    expect(ico.map((e) => e.width)).toEqual([...ICO_SIZES]);
    for (const e of ico) expect(pngSize(e.png)).toEqual({ width: e.width, height: e.height });
    const icns = readIcns(readFileSync(join(ROOT, 'build/icon.icns')));
    expect(icns.map((e) => e.type)).toEqual(ICNS_TYPES.map(([t]) => t));
    for (const [i, e] of icns.entries()) expect(pngSize(e.png).width).toBe(ICNS_TYPES[i]![1]);
  });

  it('are up to date with icon.svg (rendered again, byte for byte)', () => {
    const fresh = iconFiles(readFileSync(join(ROOT, 'build/icon.svg'), 'utf8'));
    for (const [rel, data] of fresh) expect(readFileSync(join(ROOT, 'build', rel)).equals(data), `build/${rel}: run npm run icons`).toBe(true);
  });
});
