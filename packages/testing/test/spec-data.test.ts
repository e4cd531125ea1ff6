import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { METHODS } from '../src/spec-data.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('spec data', () => {
  it('is current with spec/methods.json and spec/pushes-webhooks.json', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/generate.mjs', '--check', '--only=packages/testing/'], {
        cwd: root,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('knows every action the simulator implements', () => {
    for (const [api, actions] of Object.entries(Simulator.simulatedActions())) {
      const documented = Object.keys(METHODS[api as keyof typeof METHODS]);
      expect(
        actions.filter((a) => !documented.includes(a)),
        api,
      ).toEqual([]);
    }
  });
});
