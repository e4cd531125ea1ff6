import { rmSync } from 'node:fs';
import type { Options } from 'tsup';

export interface LcBuildOptions {
  /** Entry points, e.g. `{ index: 'src/index.ts' }`. */
  entry: Record<string, string>;
  /** Platform of the build; `neutral` (browser + Node) unless an entry is Node-only. */
  platform?: 'neutral' | 'node';
}

/**
 * The one tsup configuration every package uses.
 *
 * ESM (`.js` + `.d.ts`) keeps every dependency external so bundlers dedupe and tree-shake;
 * CommonJS (`.cjs` + `.d.cts`) exists so that `require()` works on every Node 20 release, not only
 * those with `require(esm)`.
 */
export function lcConfig(options: LcBuildOptions): Options[] {
  // Clean once, before both builds start: tsup's own `clean` runs per config, and with two configs
  // building at once one build's clean could delete the other's fresh output (seen as a missing .d.cts).
  // `--out-dir` on the command line (the core smoke test builds a private copy) wins over `dist`.
  const flag = process.argv.findIndex((a) => a === '--out-dir' || a === '-d');
  const outDir = flag >= 0 && process.argv[flag + 1] ? process.argv[flag + 1]! : 'dist';
  rmSync(outDir, { recursive: true, force: true });
  const shared: Options = {
    entry: options.entry,
    target: 'es2022',
    platform: options.platform ?? 'neutral',
    sourcemap: true,
    dts: true,
    treeshake: true,
    splitting: false,
    minify: false,
    outDir: 'dist',
  };
  return [
    { ...shared, format: ['esm'] },
    { ...shared, format: ['cjs'] },
  ];
}
