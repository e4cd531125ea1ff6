// Fuzz: the Web client's response handling. A node:http server on port 0 answers each request with
// a random status, headers and body: platform errors with hostile `type`/`data`, truncated or
// garbage JSON, a socket destroyed mid-body, a body that trickles past the timeout, or nothing.
// Seeded; LC_FUZZ_SEED replays a run, LC_FUZZ_RUNS makes it long (see test-utils/fuzz.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAsync,
  deepJson,
  expectNoSecret,
  expectPrototypeClean,
  expectStringifies,
  fuzzTimeout,
  hostileJsonText,
  hostileJsonValue,
  tokenArb,
  settlesWithin,
} from '../../../test-utils/fuzz.js';
import { createWebClient as createFetchWebClient, LcError, type WebClientOptions } from '../src/index.js';
import { createWebClient as createNodeWebClient } from '../src/node/entry.js';
import { WIRE } from './helpers/wire.js';

/** How the server answers one request. */
type Answer =
  | { kind: 'reply'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'truncate'; status: number; body: string }
  | { kind: 'trickle'; status: number }
  | { kind: 'never' }
  | { kind: 'destroy' }
  | { kind: 'raw'; bytes: string };

const TIMEOUT = 150;

const errorBodyArb = fc
  .record({
    type: fc.oneof(
      fc.constantFrom(
        'validation',
        'authentication',
        'authorization',
        'not_found',
        'too_many_requests',
        'misdirected_request',
        'internal',
        '__proto__',
        'constructor',
        'toString',
      ),
      fc.string({ maxLength: 12 }),
      hostileJsonValue,
    ),
    message: fc.oneof(fc.string({ maxLength: 30 }), hostileJsonValue),
    data: fc.oneof(hostileJsonValue, fc.constant(undefined)),
    deep: fc.boolean(),
  })
  .map(({ type, message, data, deep }) => {
    const head = JSON.stringify({ type, message, data });
    // Splice a 5,000-level `data` in as text: the client parses it; nothing here may recurse over it.
    return deep ? `{"error":${head.slice(0, -1)},"data":${deepJson(5000)}}}` : `{"error":${head}}`;
  });

const headersArb = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'text/html', 'application/json; charset=utf-8', 'x/\u00ff'),
    'retry-after': fc.oneof(
      fc.integer({ min: -5, max: 100_000 }).map(String),
      fc.constantFrom('0', '0.001', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT', ''),
    ),
    'x-region': fc.string({ maxLength: 8 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
    legacy: fc.constant('2026-12-01'),
  },
  { requiredKeys: [] },
);

const statusArb = fc.oneof(
  fc.constantFrom(200, 200, 204, 400, 401, 403, 404, 413, 421, 429, 500, 502, 503, 504),
  fc.integer({ min: 200, max: 599 }),
);

const answerArb: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('reply' as const),
      status: statusArb,
      headers: headersArb.map((h) => h as Record<string, string>),
      body: fc.oneof(errorBodyArb, hostileJsonText),
    }),
  },
  fc.record({ kind: fc.constant('truncate' as const), status: statusArb, body: fc.oneof(errorBodyArb, fc.json()) }),
  fc.record({ kind: fc.constant('trickle' as const), status: statusArb }),
  fc.constant({ kind: 'never' as const }),
  fc.constant({ kind: 'destroy' as const }),
  fc.record({
    kind: fc.constant('raw' as const),
    bytes: fc.constantFrom(
      'HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n{}',
      'HTTP/1.1 abc\r\n\r\n',
      'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n',
      'garbage\r\n\r\n',
      'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}{}{}',
    ),
  }),
);

let answers: Answer[] = [];
const sockets = new Set<import('node:net').Socket>();
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => answer(res, answers.shift() ?? { kind: 'destroy' }));
});
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

function answer(res: http.ServerResponse, a: Answer): void {
  switch (a.kind) {
    case 'reply':
      res.writeHead(a.status, a.headers);
      res.end(a.status === 204 ? undefined : a.body);
      return;
    case 'truncate':
      res.writeHead(a.status, { 'content-type': 'application/json', 'content-length': String(a.body.length + 10) });
      res.write(a.body.slice(0, a.body.length >> 1));
      setTimeout(() => res.destroy(), 5);
      return;
    case 'trickle': {
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.write('{"chats":[');
      const timer = setInterval(() => res.write('1,'), 20);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'never':
      return;
    case 'destroy':
      res.destroy();
      return;
    case 'raw':
      res.socket?.end(a.bytes);
  }
}

let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const transports = [
  ['global fetch', createFetchWebClient],
  ['node:http', createNodeWebClient],
] as const;

describe.each(transports)('Web client fuzz (%s)', (_name, createWebClient) => {
  it(
    'every call settles within its timeout; every rejection is an LcError carrying no token; JSON.stringify of any error never throws; Object.prototype is never polluted',
    async () => {
      await checkAsync(
        80,
        tokenArb,
        fc.constantFrom('list_chats', 'send_event'),
        fc.array(answerArb, { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        async (token, action, replies, basic) => {
          answers = [...replies];
          const options: WebClientOptions = {
            api: 'agent',
            apiUrl: url,
            timeout: TIMEOUT,
            retry: { limit: 2, baseDelay: 1, maxDelay: 5, maxRetryAfter: 20 },
            tokenGetter: () => ({ accessToken: token, organizationID: 'org-1', tokenType: basic ? 'Basic' : 'Bearer' }),
          };
          const client = createWebClient(options);
          // Three attempts at most, each bounded by the timeout, plus backoff and Retry-After (≤ 20 ms each).
          const result = await settlesWithin(client.call(action, { chat_id: 'C1' }), 3 * TIMEOUT + 400, action);
          if (result.status === 'rejected') {
            const error = result.reason;
            expect(error).toBeInstanceOf(LcError);
            expectStringifies(error);
            expectNoSecret(error, [token]);
          }
          expectPrototypeClean();
        },
      );
    },
    fuzzTimeout(40_000),
  );
});

/** A payload value a caller may pass by mistake: text with half an emoji, an invalid Date, a cycle, a BigInt. */
const callerValueArb: fc.Arbitrary<unknown> = fc.oneof(
  hostileJsonValue,
  fc.string({ maxLength: 6 }).map((s) => `${s}\ud83d`),
  fc.constant(new Date(Number.NaN)),
  fc.constant(10n),
  fc.constant(() => 1),
  fc.constant(undefined).map(() => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    return cyclic;
  }),
);

const ok: Answer = { kind: 'reply', status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };

describe.each(transports)('Web client fuzz, caller payloads (%s)', (_name, createWebClient) => {
  it(
    'every rejection is an LcError (InputError before sending) for a payload JSON cannot carry',
    async () => {
      await checkAsync(
        100,
        fc.constantFrom<[WebClientOptions['api'], string]>(
          ['agent', 'send_event'],
          ['agent', 'list_chats'],
          ['customer', 'start_chat'],
          ['configuration', 'create_bot'],
          ['customer', 'get_configuration'],
          ['customer', 'get_localization'],
          ['customer', 'list_group_properties'],
        ),
        fc.dictionary(fc.constantFrom('url', 'chat_id', 'event', 'filters', '__proto__'), callerValueArb, {
          maxKeys: 3,
        }),
        async ([api, action], payload) => {
          answers = [ok];
          const client = createWebClient({
            api,
            apiUrl: url,
            timeout: TIMEOUT,
            retry: false,
            tokenGetter: () => ({ accessToken: 'ZqCallerToken', organizationID: 'org-1', tokenType: 'Bearer' }),
            wire: WIRE[api],
          });
          const result = await settlesWithin(client.call(action, payload), TIMEOUT + 200, action);
          if (result.status === 'rejected') {
            expect(result.reason).toBeInstanceOf(LcError);
            expectStringifies(result.reason);
          }
          expectPrototypeClean();
        },
      );
    },
    fuzzTimeout(20_000),
  );

  // Issue 17, defect 2: the Customer Web GET actions used to reject with a bare URIError here.
  it('a Customer Web GET action rejects with an LcError for text with half an emoji', async () => {
    answers = [ok];
    const client = createWebClient({
      api: 'customer',
      apiUrl: url,
      timeout: TIMEOUT,
      retry: false,
      tokenGetter: () => ({ accessToken: 'ZqCallerToken', organizationID: 'org-1', tokenType: 'Bearer' }),
      wire: WIRE.customer,
    });
    const result = await settlesWithin(
      client.call('get_configuration', { url: 'https://example.com/\ud83d' }),
      500,
      'get',
    );
    expect(result.status === 'fulfilled' || result.reason instanceof LcError).toBe(true);
  });
});
