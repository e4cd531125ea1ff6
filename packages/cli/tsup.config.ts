import { defineConfig } from 'tsup';
import { lcConfig } from '../../scripts/tsup.base';

// A Node binary, ESM only, no types: dist/cli.js. Splitting puts each generated action table in its
// own chunk, loaded by `import()` only when its API is called (start-up time).
const [esm] = lcConfig({ entry: { cli: 'src/cli.ts' }, platform: 'node' });

export default defineConfig({ ...esm!, splitting: true, dts: false, sourcemap: false });
