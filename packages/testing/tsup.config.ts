import { defineConfig } from 'tsup';
import { lcConfig } from '../../scripts/tsup.base';

// The library (ESM + CJS) plus the `lc-simulator` bin (src/cli.ts), which ships as ESM only: dist/cli.js.
const [esm, cjs] = lcConfig({ entry: { index: 'src/index.ts' }, platform: 'node' });

export default defineConfig([{ ...esm!, entry: { index: 'src/index.ts', cli: 'src/cli.ts' } }, cjs!]);
