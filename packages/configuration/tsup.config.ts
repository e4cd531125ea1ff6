import { defineConfig } from 'tsup';
import { lcConfig } from '../../scripts/tsup.base';

export default defineConfig(lcConfig({ entry: { index: 'src/index.ts', 'v3.7': 'src/v3.7.ts' } }));
