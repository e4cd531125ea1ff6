import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'example-agent-bot',
    include: ['test/**/*.test.ts'],
  },
});
