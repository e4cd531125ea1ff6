// Fuzz: the RTM client's frame handling and lifecycle. A `ws` server on port 0 answers each client
// frame by a random script: right answers with hostile payloads, platform errors, wrong or reused
// request ids, malformed JSON, binary frames, random pushes, disconnect pushes, closes and drops.
// Seeded; LC_FUZZ_SEED replays a run, LC_FUZZ_RUNS makes it long (see test-utils/fuzz.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import WebSocket, { WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeResources,
  checkAsync,
  expectNoSecret,
  expectPrototypeClean,
  expectStringifies,
  fuzzTimeout,
  hostileJsonText,
  hostileJsonValue,
  secretArb,
  tokenArb,
  settlesWithin,
} from '../../../test-utils/fuzz.js';
import { createRTMClient, LcError, type RTMClientOptions } from '../src/index.js';
import { DISCONNECT } from './helpers/disconnect.js';

/** What the server does with one client frame. */
type Step =
  | { kind: 'answer'; payload: unknown }
  | { kind: 'fail'; type: unknown; data: unknown }
  | { kind: 'wrongId'; id: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  | { kind: 'silent' }
  | { kind: 'push'; action: string; payload: unknown }
  | { kind: 'disconnect'; reason: string }
  | { kind: 'close'; code: number }
  | { kind: 'terminate' }
  /** The answer twice; the answer after the request timed out; a push with the request's id, then the answer. */
  | { kind: 'twice' | 'late' | 'pushWithId' }
  /** A disconnect push, then the server stops reading its socket (issue 17, defect 1). */
  | { kind: 'stopReading'; reason: string };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('answer' as const), payload: hostileJsonValue }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fail' as const),
      type: fc.oneof(
        fc.constantFrom('validation', 'authentication', 'misdirected_request', '__proto__', 'toString'),
        hostileJsonValue,
      ),
      data: hostileJsonValue,
    }),
  },
  fc.record({ kind: fc.constant('wrongId' as const), id: fc.oneof(fc.string({ maxLength: 6 }), hostileJsonValue) }),
  fc.record({ kind: fc.constant('text' as const), text: hostileJsonText }),
  fc.constant({ kind: 'binary' as const }),
  fc.constant({ kind: 'silent' as const }),
  fc.record({
    kind: fc.constant('push' as const),
    action: fc.constantFrom('incoming_event', 'incoming_chat', '__proto__', 'constructor', 'hasOwnProperty'),
    payload: hostileJsonValue,
  }),
  fc.record({
    kind: fc.constant('disconnect' as const),
    reason: fc.constantFrom(
      'license_expired',
      'connection_timeout',
      'access_token_expired',
      'misdirected_connection',
      'too_many_connections',
      'unsupported_version',
      'service_temporarily_unavailable',
      '__proto__',
      'whatever',
    ),
  }),
  fc.record({ kind: fc.constant('close' as const), code: fc.constantFrom(1000, 1001, 1008, 1011, 4000, 4999) }),
  fc.constant({ kind: 'terminate' as const }),
  fc.constantFrom({ kind: 'twice' as const }, { kind: 'late' as const }, { kind: 'pushWithId' as const }),
  fc.record({
    kind: fc.constant('stopReading' as const),
    reason: fc.constantFrom('license_expired', 'connection_timeout'),
  }),
);

let script: Step[] = [];
let turn = 0;
const http = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server: http });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    let frame: { request_id?: unknown; action?: unknown };
    try {
      frame = JSON.parse(String(data)) as typeof frame;
    } catch {
      return;
    }
    const step = script.length ? script[turn++ % script.length]! : ({ kind: 'silent' } as Step);
    play(ws, frame, step);
  });
});

function play(ws: WebSocket, frame: { request_id?: unknown; action?: unknown }, step: Step): void {
  const base = { request_id: frame.request_id, action: frame.action, type: 'response' };
  switch (step.kind) {
    case 'answer':
      return ws.send(JSON.stringify({ ...base, success: true, payload: step.payload }));
    case 'fail':
      return ws.send(
        JSON.stringify({
          ...base,
          success: false,
          payload: { error: { type: step.type, message: 'm', data: step.data } },
        }),
      );
    case 'wrongId':
      return ws.send(JSON.stringify({ ...base, request_id: step.id, success: true, payload: {} }));
    case 'text':
      return ws.send(step.text);
    case 'binary':
      return ws.send(Buffer.from([0xff, 0x00, 0x7b]));
    case 'silent':
      return;
    case 'push':
      return ws.send(
        `{"action":${JSON.stringify(step.action)},"type":"push","payload":${JSON.stringify(step.payload)}}`,
      );
    case 'disconnect':
      ws.send(JSON.stringify({ action: 'agent_disconnected', type: 'push', payload: { reason: step.reason } }));
      return void setTimeout(() => ws.close(1000), 5);
    case 'close':
      return ws.close(step.code);
    case 'terminate':
      return ws.terminate();
    case 'twice':
      ws.send(JSON.stringify({ ...base, success: true, payload: {} }));
      return ws.send(JSON.stringify({ ...base, success: true, payload: { again: true } }));
    case 'late':
      return void setTimeout(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ ...base, success: true, payload: {} }));
      }, REQUEST_TIMEOUT + 30);
    case 'pushWithId':
      ws.send(JSON.stringify({ ...base, type: 'push', action: 'incoming_event', payload: { chat_id: 'C1' } }));
      return ws.send(JSON.stringify({ ...base, success: true, payload: {} }));
    case 'stopReading':
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      return ws.send(JSON.stringify({ action: 'agent_disconnected', type: 'push', payload: { reason: step.reason } }));
  }
}

let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const ws of wss.clients) ws.terminate();
  await new Promise<void>((resolve) => wss.close(() => http.close(() => resolve())));
});

const REQUEST_TIMEOUT = 150;

function client(token: string, options: Partial<RTMClientOptions> = {}) {
  return createRTMClient(WebSocket, () => ({ accessToken: token, organizationID: 'org-1', tokenType: 'Bearer' }), {
    api: 'agent',
    apiUrl: url,
    requestTimeout: REQUEST_TIMEOUT,
    heartbeatInterval: 60,
    heartbeatTimeout: 60,
    reconnect: { initialDelay: 5, maxDelay: 20, maxAttempts: 2 },
    disconnect: DISCONNECT.agent, // as AgentRTM passes it
    ...options,
  });
}

/** The checks every settled call and every `error` event must pass. */
function checkFailure(error: unknown, token: string): void {
  expect(error).toBeInstanceOf(Error);
  expectStringifies(error);
  expectNoSecret(error, [token]);
}

/** The server's own sockets that stopped reading (`stopReading`): a paused socket never sees the client leave. */
function pausedServerSockets(): WebSocket[] {
  const paused = (ws: WebSocket) =>
    (ws as unknown as { _socket?: { destroyed: boolean; isPaused(): boolean } })._socket;
  return [...wss.clients].filter((ws) => !paused(ws)?.destroyed && paused(ws)?.isPaused());
}

/**
 * Polls until the active handles are back to `before` (sockets take a turn or two to close), not
 * counting the server's paused sockets, which it then drops.
 */
async function handlesBackTo(before: Record<string, number>, ms: number): Promise<Record<string, number>> {
  const deadline = Date.now() + ms;
  const serverSide = pausedServerSockets();
  for (;;) {
    const now = activeResources();
    now.TCPSocketWrap = (now.TCPSocketWrap ?? 0) - serverSide.length;
    const extra = Object.fromEntries(Object.entries(now).filter(([k, n]) => n > (before[k] ?? 0)));
    if (Object.keys(extra).length === 0 || Date.now() > deadline) {
      for (const ws of serverSide) ws.terminate();
      return extra;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** How the caller behaves: when it closes (after its calls, or that many ms into them), and whether its push listener throws. */
interface Caller {
  calls: string[];
  closeEarly: number | undefined;
  listenerThrows: boolean;
}

/** One client lifetime against a script: login, a few calls, close. */
async function lifetime(token: string, steps: Step[], caller: Caller): Promise<void> {
  script = steps;
  turn = 0;
  const rtm = client(token);
  const errors: Error[] = [];
  rtm.onEvent('error', ({ error }) => errors.push(error));
  rtm.onAny(() => {
    if (caller.listenerThrows) throw new Error('listener failed');
  });
  const bound = REQUEST_TIMEOUT + 300;
  const login = await settlesWithin(rtm.login({}), bound, 'login');
  if (login.status === 'rejected') expect(login.reason).toBeInstanceOf(LcError);
  const early =
    caller.closeEarly === undefined
      ? undefined
      : new Promise<void>((resolve) => setTimeout(resolve, caller.closeEarly)).then(() => rtm.close());
  const results = await Promise.all(caller.calls.map((a) => settlesWithin(rtm.call(a, { chat_id: 'C1' }), bound, a)));
  for (const result of [login, ...results]) {
    if (result.status === 'rejected') {
      expect(result.reason).toBeInstanceOf(LcError);
      checkFailure(result.reason, token);
    }
  }
  await early;
  const closed = await settlesWithin(rtm.close(), 1000, 'close()');
  expect(closed.status).toBe('fulfilled');
  expect(rtm.state).toBe('closed');
  for (const error of errors) checkFailure(error, token);
  expectPrototypeClean();
}

const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 6 });
const callsArb: fc.Arbitrary<Caller> = fc.record({
  calls: fc.array(fc.constantFrom('list_chats', 'send_event', 'get_chat'), { maxLength: 4 }),
  closeEarly: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  listenerThrows: fc.boolean(),
});

describe('RTM client fuzz', () => {
  it(
    'every call settles within its timeout; every rejection is an LcError carrying no token; JSON.stringify of any error never throws; Object.prototype is never polluted',
    async () => {
      await checkAsync(40, tokenArb, stepsArb, callsArb, lifetime);
    },
    fuzzTimeout(40_000),
  );

  it(
    'the process has no active handle left after close()',
    async () => {
      await checkAsync(25, secretArb, stepsArb, callsArb, async (token, steps, caller) => {
        const before = activeResources();
        await lifetime(token, steps, caller);
        expect(await handlesBackTo(before, 1000)).toEqual({});
      });
    },
    fuzzTimeout(40_000),
  );

  // Issue 17, defect 1: after a disconnect push, when the server stops reading, the abandoned socket
  // and ws's 30-second closing timer outlived close().
  it('the process has no active handle left after close(), after a disconnect push and a server that stops reading', async () => {
    const before = activeResources();
    await lifetime(
      'ZqDefectOneTokenXyz',
      [
        { kind: 'answer', payload: {} },
        { kind: 'stopReading', reason: 'license_expired' },
      ],
      { calls: ['list_chats'], closeEarly: undefined, listenerThrows: false },
    );
    expect(await handlesBackTo(before, 1000)).toEqual({});
  });
});
