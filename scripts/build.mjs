// Builds everything `npm start` and the e2e tests run: renderer (Vite), Electron main + preload
// (CommonJS: a sandboxed preload must be CJS), the browser-mode server, and the resources beside them.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareFonts } from './prepare-fonts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
const started = Date.now();

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The statement parsers are loaded by a worker thread from node_modules (electron/statements/parse-off-thread.ts).
const nodeExternals = ['electron', 'better-sqlite3', 'pdfkit', 'fontkit', 'csv-parse', 'fast-xml-parser', 'ofx-js'];
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: false, logLevel: 'warning', external: nodeExternals };

// CommonJS has no import.meta: give shared modules that read import.meta.url an equivalent.
const cjs = {
  ...common,
  format: 'cjs',
  define: { 'import.meta.url': '__feuilletModuleUrl' },
  banner: { js: "const __feuilletModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  viteBuild({ configFile: join(root, 'vite.config.ts') }),
  esbuild({
    ...common,
    entryPoints: [join(root, 'electron/http-bridge/cli.ts')],
    outfile: join(out, 'bridge/cli.mjs'),
    format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  esbuild({ ...cjs, entryPoints: [join(root, 'electron/main/index.ts')], outfile: join(out, 'main/index.cjs') }),
  // The sandboxed preload is not a Node module: no __filename and a require() that knows only
  // electron/events/timers/url. Plain CJS, no banner (tests/electron/preload.test.ts runs it that way).
  esbuild({ ...common, format: 'cjs', entryPoints: [join(root, 'electron/preload/index.ts')], outfile: join(out, 'preload/index.cjs') }),
]);

cpSync(join(root, 'db/migrations'), join(out, 'migrations'), { recursive: true });
// Fonts without the tables pdfkit never uses (scripts/prepare-fonts.mjs): a feuille renders twice as fast.
prepareFonts(join(root, 'invoice-templates/fonts'), join(out, 'fonts'));

console.log(`Build terminé en ${((Date.now() - started) / 1000).toFixed(1)} s → out/`);
