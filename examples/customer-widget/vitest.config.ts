import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'example-customer-widget',
    include: ['test/**/*.test.ts'],
  },
});
