import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanEnv, exited, lc, patEnv, start, tokenEnv, useSimulator, waitFor } from './helpers.js';

const spec = JSON.parse(readFileSync(new URL('../../../spec/methods.json', import.meta.url), 'utf8')) as Array<{
  api: string;
  method: string;
  version: string;
  change?: string;
}>;

const context = useSimulator();

describe('help', () => {
  it('lc --help lists the APIs and commands without loading a table, exit 0', async () => {
    const run = await lc(['--help'], cleanEnv());
    expect(run.code).toBe(0);
    for (const word of ['agent', 'customer', 'configuration', 'reports', 'rtm', 'webhooks', 'simulator', 'completion'])
      expect(run.stdout).toContain(`lc ${word}`);
    expect(run.stdout).toContain('Exit codes');
  });

  it.each(['agent', 'customer', 'configuration', 'reports'])(
    'lc %s --help lists every documented action of each version',
    async (api) => {
      for (const version of ['3.6', '3.7']) {
        const run = await lc([api, '--help', '--api-version', version], cleanEnv());
        expect(run.code).toBe(0);
        const listed = new Set([...run.stdout.matchAll(/^ {2}([a-z_0-9]+) /gm)].map((m) => m[1]));
        const documented = spec.filter((m) => m.api === api && m.version === version && m.method !== 'ping');
        for (const m of documented)
          if (m.change === 'removed') expect(listed, `${api} ${m.method} ${version}`).not.toContain(m.method);
          else expect(listed, `${api} ${m.method} ${version}`).toContain(m.method);
      }
    },
  );

  it('an action --help shows its fields, kinds, which are required, and the docs link', async () => {
    const run = await lc(['agent', 'send_event', '--help'], cleanEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--chat_id +string +\(required\)/);
    expect(run.stdout).toMatch(/--event +object +\(required\)/);
    expect((await lc(['agent', 'list_chats', '--help'], cleanEnv())).stdout).toMatch(/--filters\.active +boolean\n/);
    expect(run.stdout).toContain('Docs: https://platform.text.com/docs/messaging/agent-chat-api#send-event');
  });

  it('--api-version picks the version table (a 3.7-only report exists only there)', async () => {
    expect((await lc(['reports', 'abandoned_carts', '--help'], cleanEnv())).code).toBe(2);
    const run = await lc(['reports', 'abandoned_carts', '--help', '--api-version', '3.7'], cleanEnv());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(API 3.7)');
  });
});

describe('calls against the simulator', () => {
  it('prints the response as compact JSON when piped', async () => {
    const run = await lc(['configuration', 'list_agents'], patEnv(context.sim));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout).map((a: { id: string }) => a.id)).toContain(context.sim.agents[0]!.id);
  });

  it('types --field flags from the spec: numbers, booleans, arrays, nested objects', async () => {
    const before = context.sim.requests({ action: 'list_chats' }).length;
    const run = await lc(
      ['agent', 'list_chats', '--limit', '5', '--filters.active', '--filters.group_ids', '0', '--sort_order', 'asc'],
      tokenEnv(context.sim),
    );
    expect(run.code).toBe(0);
    const sent = context.sim.requests({ action: 'list_chats' }).slice(before);
    expect(sent.map((r) => r.payload)).toEqual([
      { limit: 5, filters: { active: true, group_ids: [0] }, sort_order: 'asc' },
    ]);
  });

  it('takes the payload as a JSON argument or on stdin (-), flags on top', async () => {
    const env = cleanEnv({
      LC_API_URL: context.sim.url,
      LC_CUSTOMER_TOKEN: context.sim.customer.accessToken,
      LC_ORGANIZATION_ID: context.sim.organizationId,
    });
    const started = await lc(
      [
        'customer',
        'start_chat',
        '{"chat":{"thread":{"events":[{"type":"message","text":"from json","visibility":"all"}]}}}',
      ],
      env,
    );
    expect(started.code).toBe(0);
    const { chat_id } = JSON.parse(started.stdout);
    const sent = await lc(
      ['customer', 'send_event', '-', '--chat_id', chat_id],
      env,
      '{"event":{"type":"message","text":"from stdin","visibility":"all"}}',
    );
    expect(sent.code).toBe(0);
    expect(context.sim.events(chat_id).map((e) => (e as { text?: string }).text)).toEqual(['from json', 'from stdin']);
  });

  it('--paginate follows next_page_id and prints one JSON line per page', async () => {
    const env = cleanEnv({
      LC_API_URL: context.sim.url,
      LC_CUSTOMER_TOKEN: context.sim.customer.accessToken,
      LC_ORGANIZATION_ID: context.sim.organizationId,
    });
    for (let i = 0; i < 3; i++) {
      const customer = context.sim.createCustomer();
      const message = `{"chat":{"thread":{"events":[{"type":"message","text":"page ${i}","visibility":"all"}]}}}`;
      expect(
        (await lc(['customer', 'start_chat', message], { ...env, LC_CUSTOMER_TOKEN: customer.accessToken })).code,
      ).toBe(0);
    }
    const total = context.sim.chats().length;
    const run = await lc(['agent', 'list_chats', '--paginate', '--limit', '1'], tokenEnv(context.sim));
    expect(run.code).toBe(0);
    const pages = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(pages).toHaveLength(total);
    expect(pages.flatMap((p) => p.chats_summary)).toHaveLength(total);
    expect(pages.at(-1).next_page_id).toBeUndefined();
  });
  it('sends a report to its path and a file field as multipart (upload_file --file <path>)', async () => {
    const report = await lc(['reports', 'total_chats', '--distribution', 'day'], tokenEnv(context.sim));
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).name).toBe('total-chats-report');
    const upload = await lc(['agent', 'upload_file', '--file', 'package.json'], tokenEnv(context.sim));
    expect(upload.code).toBe(0);
    const { url } = JSON.parse(upload.stdout);
    expect(await (await fetch(url)).text()).toBe(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  });

  it('Ctrl+C during a request: exit 130', async () => {
    context.sim.delayNext(1, 5_000, { action: 'send_event' });
    const args = ['agent', 'send_event', '--chat_id', 'X', '--event', '{"type":"message","text":"slow"}'];
    const child = start(args, tokenEnv(context.sim));
    await waitFor(() => JSON.stringify(context.sim.requests({ action: 'send_event' })), /slow/);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(130);
    expect(child.err()).toBe('lc: interrupted\n');
  });
});

describe('usage errors: exit 2, one line, nothing sent', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing required field', ['agent', 'send_event', '--chat_id', 'X'], /missing required field: event/],
    ['a required field inside a given object', ['agent', 'list_threads'], /missing required field: chat_id/],
    ['an unknown field', ['agent', 'list_chats', '--nope', '1'], /unknown field --nope/],
    ['a number that is not', ['agent', 'list_chats', '--limit', 'ten'], /--limit must be a number/],
    ['a boolean that is not', ['agent', 'list_chats', '--filters.active', 'yes'], /must be true or false|payload/],
    ['bad JSON', ['agent', 'list_chats', '{nope'], /not valid JSON/],
    ['an unknown action', ['agent', 'no_such_action'], /has no action "no_such_action"/],
    ['an unknown command', ['nope'], /unknown command "nope"/],
    [
      '--paginate on an action that does not page',
      ['agent', 'get_chat', '--chat_id', 'X', '--paginate'],
      /does not page/,
    ],
    ['an RTM-only action over Web', ['agent', 'set_away_status', '--away', 'true'], /RTM-only/],
    ['an unknown API version', ['agent', 'list_chats', '--api-version', '9.9'], /no API version 9.9/],
    ['an unknown option of a command', ['webhooks', 'listen', '--prot', '1'], /Unknown option '--prot'/],
  ];
  it.each(cases)('%s', async (_what, args, message) => {
    const before = context.sim.requests().length;
    const run = await lc(args, tokenEnv(context.sim));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(context.sim.requests().length).toBe(before);
  });
});

describe('API, auth and network errors', () => {
  it('an API error is one line with its type, message and action: exit 1, no stack', async () => {
    const run = await lc(['agent', 'get_chat', '--chat_id', 'NOPE'], tokenEnv(context.sim));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^lc: agent get_chat: not_found: .*NOPE.*\n$/);
    expect(run.stderr).not.toMatch(/\bat /);
  });

  it('--debug adds the stack and the error fields', async () => {
    const run = await lc(['agent', 'get_chat', '--chat_id', 'NOPE', '--debug'], tokenEnv(context.sim));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\n\s+at /);
    expect(run.stderr).toContain('"type":"not_found"');
  });

  it('a bad token: exit 4 with a hint about credentials', async () => {
    const run = await lc(
      ['agent', 'list_chats', '--debug'],
      tokenEnv(context.sim, { LC_TOKEN: 'dal:not-a-real-token-value' }),
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/authentication: .*hint: set LC_ACCOUNT_ID and LC_PAT/);
    expect(run.stderr).not.toContain('not-a-real-token-value');
  });

  it('a wrong PAT: exit 4, the PAT never printed (even with --debug)', async () => {
    const run = await lc(
      ['configuration', 'list_agents', '--debug'],
      patEnv(context.sim, { LC_PAT: 'dal:wrong-personal-token' }),
    );
    expect(run.code).toBe(4);
    expect(run.stderr).not.toContain('wrong-personal-token');
  });

  it('no credentials: exit 4 before anything is sent', async () => {
    const before = context.sim.requests().length;
    const run = await lc(['agent', 'list_chats'], cleanEnv({ LC_API_URL: context.sim.url }));
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/no credentials .*lc login/);
    expect(context.sim.requests().length).toBe(before);
  });

  it('nothing listening: exit 3', async () => {
    const run = await lc(['agent', 'list_chats', '--api-url', 'http://127.0.0.1:9'], tokenEnv(context.sim));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/ConnectionError/);
  });

  it('no answer in --timeout: exit 3', async () => {
    // send_event is not idempotent: no retry after a timeout, so the one delayed answer is the one missed.
    context.sim.delayNext(1, 2_000, { action: 'send_event' });
    const args = ['agent', 'send_event', '--chat_id', 'X', '--event', '{"type":"message","text":"late"}'];
    const run = await lc([...args, '--timeout', '200'], tokenEnv(context.sim));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/TimeoutError/);
  });
});

it('--verbose: one line per request attempt on stderr from the client hooks (api, action, version, attempt, status, duration), no token', async () => {
  const env = tokenEnv(context.sim);
  const run = await lc(['agent', 'list_chats', '--verbose'], env);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/^lc: agent list_chats {2}v3\.6 {2}attempt 1 {2}status 200 {2}\d+ ms/m);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  const failed = await lc(['agent', 'get_chat', '--chat_id', 'NOPE', '--verbose'], env);
  expect(failed.stderr).toMatch(/^lc: agent get_chat {2}v3\.6 {2}attempt 1 {2}status 404 {2}\d+ ms/m);
  expect(run.stderr + failed.stderr).not.toContain(env.LC_TOKEN!);
});
