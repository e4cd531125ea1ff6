import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'example-otel-hooks',
    include: ['test/**/*.test.ts'],
  },
});
