/**
 * Bundles a TypeScript entry into one ESM file run by plain Node, as the app's build does
 * (scripts/build.mjs): native and print modules stay outside the bundle, loaded from node_modules.
 * Used by the bench's start measure and the durability tests' writer child.
 */
import { build } from 'esbuild';

export const NODE_EXTERNALS = ['better-sqlite3', 'pdfkit', 'fontkit', 'electron'];

export async function bundleForNode(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    external: NODE_EXTERNALS,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}
