import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, lc } from './helpers.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

describe.each(['bash', 'zsh', 'fish'])('lc completion %s', (shell) => {
  it('names every API, the commands, actions and their --field flags', async () => {
    const run = await lc(['completion', shell], cleanEnv());
    expect(run.code).toBe(0);
    for (const word of ['agent', 'customer', 'configuration', 'reports', 'rtm', 'webhooks', 'simulator'])
      expect(run.stdout).toContain(word);
    expect(run.stdout).toContain('list_chats');
    expect(run.stdout).toContain('abandoned_carts'); // a 3.7 action
    expect(run.stdout).toMatch(/chat_id/);
  });

  it.runIf(has(shell))('is valid syntax for the shell', async () => {
    const run = await lc(['completion', shell], cleanEnv());
    const file = join(mkdtempSync(join(tmpdir(), 'lc-completion-')), `lc.${shell}`);
    writeFileSync(file, run.stdout);
    const check = spawnSync(shell, shell === 'fish' ? ['--no-execute', file] : ['-n', file], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

it.runIf(has('bash'))('bash completes actions and flags', async () => {
  const run = await lc(['completion', 'bash'], cleanEnv());
  const file = join(mkdtempSync(join(tmpdir(), 'lc-completion-')), 'lc.bash');
  writeFileSync(file, run.stdout);
  const complete = (...words: string[]) =>
    execFileSync(
      'bash',
      [
        '-c',
        `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _lc; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n');
  expect(complete('lc', 'ag')).toEqual(['agent']);
  expect(complete('lc', 'agent', 'list_ch')).toEqual(['list_chats']);
  expect(complete('lc', 'agent', 'send_event', '--ch')).toEqual(['--chat_id']);
});

it('an unknown shell is a usage error', async () => {
  expect((await lc(['completion', 'tcsh'], cleanEnv())).code).toBe(2);
});
