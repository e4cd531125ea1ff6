import { defineConfig } from 'vitest/config';

// One root config; each package is a project with its own vitest.config.ts.
// `pnpm vitest run` at the root runs every project; `pnpm test` in a package runs its own.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
  },
});
