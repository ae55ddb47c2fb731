/**
 * Bundles a TypeScript entry into one file run by plain Node, as the app's build does
 * (scripts/build.mjs): native and print modules stay outside the bundle, loaded from node_modules.
 * `esm` is how the browser-mode server ships (out/bridge/cli.mjs), `cjs` how Electron's main does
 * (out/main/index.cjs, with the same stand-in for import.meta.url).
 * Used by the bench's start measure and the durability tests' writer child.
 */
import { build } from 'esbuild';

export const NODE_EXTERNALS = ['better-sqlite3', 'pdfkit', 'fontkit', 'electron'];

export async function bundleForNode(entry: string, outfile: string, format: 'esm' | 'cjs' = 'esm'): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    logLevel: 'warning',
    external: NODE_EXTERNALS,
    ...(format === 'esm'
      ? { banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } }
      : {
          define: { 'import.meta.url': '__feuilletModuleUrl' },
          banner: { js: "const __feuilletModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
        }),
  });
  return outfile;
}
