import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { METHODS } from '../src/spec-data.js';
import { lookup, MISPLACED_REQUIRED } from '../src/spec.js';

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

  it('simulates every documented 3.6 action (a spec that gains one fails here)', () => {
    const simulated = Simulator.simulatedActions();
    for (const api of Object.keys(METHODS) as (keyof typeof METHODS)[]) {
      const documented = Object.keys(METHODS[api]).filter((action) => lookup(api, action, '3.6'));
      expect(
        documented.filter((action) => !simulated[api].includes(action)),
        api,
      ).toEqual([]);
    }
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

  it('still lists the misplaced required names the dispatcher skips (drop MISPLACED_REQUIRED when this fails)', () => {
    for (const [key, names] of Object.entries(MISPLACED_REQUIRED)) {
      const [api, action] = key.split('/') as [keyof typeof METHODS, string];
      expect(METHODS[api][action]?.required, key).toEqual(expect.arrayContaining([...names]));
    }
  });
});
