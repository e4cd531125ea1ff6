import { defineConfig } from 'tsup';
import { lcConfig } from '../../scripts/tsup.base';

// Three entries, one build:
// - index       the default/browser entry (global fetch; nothing Node-only),
// - index.node  what the `node` export condition of "." resolves to (fast node:http fetch by default),
// - node        the `@lc/core/node` subpath (createNodeFetch).
// `node:` built-ins stay external; only the two Node entries import them.
//
// Internal members end in `_` (e.g. the RTM client's `state_`): esbuild renames them to short names,
// which keeps browser bundles small. Nothing public may end in `_`.
export default defineConfig(
  lcConfig({
    entry: { index: 'src/index.ts', 'index.node': 'src/node/entry.ts', node: 'src/node/index.ts' },
  }).map((config) => ({
    ...config,
    external: [/^node:/],
    esbuildOptions(options) {
      options.mangleProps = /[^_]_$/;
    },
  })),
);
