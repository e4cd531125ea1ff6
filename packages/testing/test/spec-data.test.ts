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

  it.each(Simulator.versions)(
    'simulates exactly the documented actions of %s (a spec that gains one fails here)',
    (version) => {
      const simulated = Simulator.simulatedActions(version);
      for (const api of Object.keys(METHODS) as (keyof typeof METHODS)[]) {
        const documented = Object.keys(METHODS[api]).filter((action) => lookup(api, action, version));
        expect(simulated[api], `${api} ${version}`).toEqual(documented.sort());
      }
    },
  );

  it('simulates 3.6 and 3.7: the versions the spec describes', () => {
    expect(Simulator.versions).toEqual(['3.6', '3.7']);
    expect(Simulator.simulatedActions('3.7').configuration).toContain('batch_update_translations');
    expect(Simulator.simulatedActions('3.6').configuration).not.toContain('batch_update_translations');
    expect(Simulator.simulatedActions('3.7').customer).not.toContain('get_predicted_agent');
  });

  it('knows every action the simulator implements', () => {
    for (const version of Simulator.versions) {
      for (const [api, actions] of Object.entries(Simulator.simulatedActions(version))) {
        const documented = Object.keys(METHODS[api as keyof typeof METHODS]);
        expect(
          actions.filter((a) => !documented.includes(a)),
          api,
        ).toEqual([]);
      }
    }
  });

  it('still lists the misplaced required names the dispatcher skips (drop MISPLACED_REQUIRED when this fails)', () => {
    for (const [key, names] of Object.entries(MISPLACED_REQUIRED)) {
      const [api, action] = key.split('/') as [keyof typeof METHODS, string];
      expect(METHODS[api][action]?.required, key).toEqual(expect.arrayContaining([...names]));
    }
  });
});
