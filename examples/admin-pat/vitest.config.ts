import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'example-admin-pat',
    include: ['test/**/*.test.ts'],
  },
});
