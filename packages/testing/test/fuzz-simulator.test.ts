// Fuzz: the simulator's Web and RTM request handling, fed random actions, payloads, headers and
// tokens. Seeded; LC_FUZZ_SEED replays a run, LC_FUZZ_RUNS makes it long (see test-utils/fuzz.ts).
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePayload, methodsOf } from '../../../test-utils/chat-spec.js';
import {
  checkAsync,
  deepJson,
  expectPrototypeClean,
  fuzzTimeout,
  hostileJsonText,
  hostileJsonValue,
} from '../../../test-utils/fuzz.js';
import { Simulator, startSimulator } from '../src/index.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, loginTimeout: 5000 });
});
afterAll(() => sim.close());

const APIS = ['agent', 'customer', 'configuration', 'reports'] as const;

const SIMULATED = Simulator.simulatedActions();

/** A simulated action, a reserved or malformed name, or nonsense. */
const actionArb = (api: (typeof APIS)[number]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SIMULATED[api]) },
    fc.constantFrom('ping', 'login', '__proto__', 'constructor', 'toString', '%E0%A4%A', 'list_chats/'),
    fc.stringMatching(/^[a-z_]{1,20}$/),
  );

/** A payload: documented fields with one of them hostile, or hostile JSON altogether. */
const payloadArb = (api: string, action: string): fc.Arbitrary<string> => {
  const method = [...methodsOf(api, 'web'), ...methodsOf(api, 'rtm')].find((m) => m.method === action);
  const base = method ? samplePayload(method) : {};
  const keys = Object.keys(base);
  return fc.oneof(
    fc.constant(JSON.stringify(base)),
    keys.length
      ? fc
          .tuple(fc.constantFrom(...keys), hostileJsonValue)
          .map(([key, value]) => JSON.stringify({ ...base, [key]: value }))
      : fc.constant('{}'),
    hostileJsonText,
  );
};

const authArb = fc.constantFrom<(s: Simulator) => string | undefined>(
  () => undefined,
  (s) => `Bearer ${s.agents[0]!.accessToken}`,
  (s) => `Bearer ${s.customer.accessToken}`,
  (s) => `Bearer ${s.bot.accessToken}`,
  (s) => s.agents[0]!.basicAuth,
  () => 'Bearer dal:not-a-token',
  () => 'Basic !!!',
  () => 'Bearer',
  () => '',
);

const webRequestArb = fc
  .constantFrom(...APIS)
  .chain((api) =>
    fc.record({
      api: fc.constant(api),
      action: actionArb(api),
      method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE'),
      version: fc.constantFrom('3.6', '3.6', '3.5', '3.7', '2.0', 'x'),
      auth: authArb,
      contentType: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', ''),
      organization: fc.constantFrom<'own' | 'other' | 'none'>('own', 'other', 'none'),
    }),
  )
  .chain((req) => payloadArb(req.api, req.action).map((body) => ({ ...req, body })));

type WebRequest = typeof webRequestArb extends fc.Arbitrary<infer T> ? T : never;

async function send(req: WebRequest): Promise<Response> {
  const path =
    req.api === 'reports'
      ? `/v${req.version}/reports/chats/${req.action}`
      : `/v${req.version}/${req.api}/action/${req.action}`;
  const org = { own: `?organization_id=${sim.organizationId}`, other: '?organization_id=nope', none: '' }[
    req.organization
  ];
  const headers: Record<string, string> = {};
  const auth = req.auth(sim);
  if (auth !== undefined) headers.authorization = auth;
  if (req.contentType) headers['content-type'] = req.contentType;
  const hasBody = req.method !== 'GET';
  return fetch(`${sim.url}${path}${org}`, { method: req.method, headers, ...(hasBody ? { body: req.body } : {}) });
}

/** A 5xx that is not the simulator's fault: a documented action it does not simulate. */
const notImplemented = (status: number, body: unknown) =>
  status === 501 && (body as { error?: { type?: string } }).error?.type === 'not_implemented';

async function stillServing(): Promise<void> {
  const res = await fetch(`${sim.url}/`);
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

describe('simulator fuzz: Web', () => {
  it(
    'never answers 5xx to a client mistake, answers JSON, keeps serving, and Object.prototype is never polluted',
    async () => {
      await checkAsync(150, webRequestArb, async (req) => {
        const res = await send(req);
        const text = await res.text();
        const body: unknown = text ? JSON.parse(text) : undefined;
        if (res.status >= 500 && !notImplemented(res.status, body)) {
          expect.fail(`answered ${res.status} ${text.slice(0, 200)}`);
        }
        expectPrototypeClean();
      });
      await stillServing();
    },
    // 150 HTTP round trips: slow on a loaded machine.
    fuzzTimeout(60_000),
  );

  it('a payload nested 5,000 levels is 400 validation, with or without Authorization (defect 5)', async () => {
    for (const authorization of [undefined, `Bearer ${sim.agents[0]!.accessToken}`]) {
      const res = await fetch(`${sim.url}/v3.6/agent/action/list_chats`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: deepJson(5000),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { type: string } }).error.type).toBe('validation');
    }
    await stillServing();
  });

  it.each(['/v2/customer/token', '/v2/token'])(
    '%s answers 413 to a body over 64 KiB, not 500 (defect 6)',
    async (path) => {
      const res = await fetch(`${sim.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'cookie', padding: 'x'.repeat(70 * 1024) }),
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
      await stillServing();
    },
  );

  it(
    'the accounts endpoints never answer 5xx to random bodies, headers and cookies',
    async () => {
      const accountsArb = fc.record({
        route: fc.constantFrom(
          'POST /v2/token',
          'POST /v2/customer/token',
          'DELETE /v2/token',
          'GET /v2/info',
          'GET /v2/customer/info',
          'GET /v2/organizations/my',
        ),
        body: fc.oneof(
          hostileJsonText,
          fc.string({ maxLength: 80 }),
          fc.integer({ min: 60, max: 70 }).map((k) => 'x'.repeat(k * 1024)),
        ),
        form: fc.boolean(),
        auth: authArb,
        cookie: fc.oneof(
          fc.constant(undefined),
          fc.string({ maxLength: 40 }).map((s) => `__lc_cid=${encodeURIComponent(s)}; __lc_cst=%E0`),
        ),
      });
      await checkAsync(120, accountsArb, async (req) => {
        const [method, path] = req.route.split(' ') as [string, string];
        const headers: Record<string, string> = {
          'content-type': req.form ? 'application/x-www-form-urlencoded' : 'application/json',
        };
        const auth = req.auth(sim);
        if (auth !== undefined) headers.authorization = auth;
        if (req.cookie !== undefined) headers.cookie = req.cookie;
        const res = await fetch(`${sim.url}${path}?organization_id=${sim.organizationId}`, {
          method,
          headers,
          ...(method === 'GET' ? {} : { body: req.body }),
        });
        const text = await res.text();
        if (res.status >= 500) expect.fail(`${req.route} answered ${res.status} ${text.slice(0, 200)}`);
        expectPrototypeClean();
      });
      await stillServing();
    },
    fuzzTimeout(30_000),
  );
});

/** A raw RTM socket that collects response frames. */
async function openRtm(api: 'agent' | 'customer'): Promise<{ ws: WebSocket; frames: Record<string, unknown>[] }> {
  const ws = new WebSocket(`${sim.wsUrl}/v3.6/${api}/rtm/ws?organization_id=${sim.organizationId}`);
  const frames: Record<string, unknown>[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Record<string, unknown>));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, frames };
}

/** An RTM frame as text: the payload is spliced in raw, so it may be hostile or not JSON at all. */
const rtmFrameArb = (api: 'agent' | 'customer') =>
  actionArb(api).chain((action) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(
            fc.oneof(
              fc.string({ maxLength: 8 }),
              fc.integer(),
              fc.constant(null),
              fc.constant(undefined),
              hostileJsonValue,
            ),
            fc.constantFrom(undefined, '3.6', '3.7', '3.5', 7, 'x'),
            payloadArb(api, action),
          )
          .map(([requestId, version, payload]) => {
            const head = JSON.stringify({ request_id: requestId, version, action });
            return `${head.slice(0, -1)},"payload":${payload}}`;
          }),
      },
      hostileJsonText,
    ),
  );

describe('simulator fuzz: RTM', () => {
  it(
    'never answers `internal` to a frame, answers every request, keeps serving, and Object.prototype is never polluted',
    async () => {
      const sessionArb = fc.constantFrom<'agent' | 'customer'>('agent', 'customer').chain((api) =>
        fc.record({
          api: fc.constant(api),
          login: fc.constantFrom<'valid' | 'garbage' | 'none'>('valid', 'valid', 'garbage', 'none'),
          frames: fc.array(rtmFrameArb(api), { minLength: 1, maxLength: 4 }),
          // Login fields next to the token (customer_page, pushes, application, …), hostile or absent.
          loginExtra: fc.dictionary(
            fc.constantFrom(
              'customer_page',
              'pushes',
              'application',
              'reconnect',
              'away',
              'customer_side_storage',
              '__proto__',
            ),
            hostileJsonValue,
            { maxKeys: 2 },
          ),
        }),
      );
      await checkAsync(80, sessionArb, async (session) => {
        const { ws, frames } = await openRtm(session.api);
        try {
          if (session.login !== 'none') {
            const token = session.api === 'agent' ? sim.agents[0]!.accessToken : sim.customer.accessToken;
            ws.send(
              JSON.stringify({
                request_id: 'login',
                action: 'login',
                payload: {
                  ...session.loginExtra,
                  token: session.login === 'valid' ? `Bearer ${token}` : 'Bearer nope',
                },
              }),
            );
          }
          for (const frame of session.frames) ws.send(frame);
          ws.send(JSON.stringify({ request_id: 'last', action: 'ping' }));
          // Frames are answered in order of arrival unless one is slow; `ping` last proves the socket still serves.
          const deadline = Date.now() + 3000;
          while (!frames.some((f) => f.request_id === 'last') && ws.readyState === WebSocket.OPEN) {
            if (Date.now() > deadline) expect.fail('no answer to the final ping within 3 s');
            await new Promise((r) => setTimeout(r, 5));
          }
          const internal = frames.find(
            (f) => (f.payload as { error?: { type?: string } } | undefined)?.error?.type === 'internal',
          );
          if (internal) expect.fail(`answered internal: ${JSON.stringify(internal).slice(0, 200)}`);
          expectPrototypeClean();
        } finally {
          ws.terminate();
        }
      });
      await stillServing();
    },
    fuzzTimeout(30_000),
  );
});
