import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    // The tests run the built binary (dist-test/cli.js) as a child process; this builds it first.
    globalSetup: ['test/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
