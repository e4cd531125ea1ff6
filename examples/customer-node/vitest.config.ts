import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'example-customer-node',
    include: ['test/**/*.test.ts'],
  },
});
