// Fuzz: the webhook parser and handler, fed random and corrupted bodies, methods, headers and secrets.
// Seeded; LC_FUZZ_SEED replays a run, LC_FUZZ_RUNS makes it long (see test-utils/fuzz.ts).
import { LcError } from '@lc/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAsync,
  expectNoSecret,
  expectPrototypeClean,
  expectStringifies,
  fuzzParams,
  fuzzTimeout,
  hostileJsonText,
  hostileJsonValue,
  secretArb,
  settlesWithin,
} from '../../../test-utils/fuzz.js';
import { createWebhookHandler, parseWebhook, WEBHOOK_ACTIONS, type WebhookError } from '../src/index.js';
import { listen, sample, send } from './helpers.js';

const actionArb = fc.oneof(
  fc.constantFrom(...WEBHOOK_ACTIONS),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', ''),
);

/** A webhook envelope with `secret_key`, a random action and, sometimes, a hostile field. */
const envelopeArb = (secret: fc.Arbitrary<string>) =>
  fc
    .record({
      secret,
      action: actionArb,
      extraKey: fc.constantFrom(
        'payload',
        'additional_data',
        'requester',
        'webhook_id',
        'secret_key',
        '__proto__',
        'extra',
      ),
      extraValue: hostileJsonValue,
      hostile: fc.boolean(),
    })
    .map(({ secret: key, action, extraKey, extraValue, hostile }) => {
      const env = { ...sample('incoming_chat', key), action };
      if (hostile) Object.defineProperty(env, extraKey, { value: extraValue, enumerable: true });
      return env;
    });

/** The text of an envelope corrupted once, mostly inside or next to `"secret_key"`. */
const corruptedArb = (secret: fc.Arbitrary<string>) =>
  fc
    .tuple(
      envelopeArb(secret),
      fc.nat(),
      fc.constantFrom('delete', 'insert', 'truncate'),
      fc.string({ maxLength: 2 }),
      fc.boolean(),
    )
    .map(([env, at, edit, junk, nearSecret]) => {
      const text = JSON.stringify(env);
      const from = nearSecret ? text.indexOf('"secret_key"') : 0;
      const span = nearSecret
        ? 16 + (JSON.stringify((env as { secret_key?: unknown }).secret_key) ?? '').length
        : text.length;
      const i = from + (at % span);
      if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
      if (edit === 'insert') return text.slice(0, i) + junk + text.slice(i);
      return text.slice(0, i);
    });

const bodyArb = (secret: fc.Arbitrary<string>) =>
  fc.oneof(
    envelopeArb(secret).map((env) => JSON.stringify(env)),
    corruptedArb(secret),
    hostileJsonText,
  );

/** The body as one of the forms a caller may pass: text, bytes, an ArrayBuffer, or an already-parsed value. */
const asFormArb = (text: string) =>
  fc.constantFrom<() => unknown>(
    () => text,
    () => new TextEncoder().encode(text),
    () => new TextEncoder().encode(text).buffer,
    () => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    },
  );

describe('webhooks fuzz: parseWebhook', () => {
  it(
    'returns a webhook or throws an LcError carrying no secret; JSON.stringify of the error never throws; Object.prototype is never polluted',
    () => {
      fc.assert(
        fc.property(
          secretArb.chain((secret) =>
            fc
              .record({ secret: fc.constant(secret), body: bodyArb(fc.constant(secret)) })
              .chain((r) => asFormArb(r.body).map((form) => ({ ...r, form }))),
          ),
          ({ secret, form }) => {
            let webhook: unknown;
            try {
              webhook = parseWebhook(form() as string);
            } catch (error) {
              expect(error).toBeInstanceOf(LcError);
              expectStringifies(error);
              expectNoSecret(error, [secret]);
              expectPrototypeClean();
              return;
            }
            expect(JSON.stringify(webhook)).not.toContain(secret);
            expectPrototypeClean();
          },
        ),
        fuzzParams(1000),
      );
    },
    fuzzTimeout(20_000),
  );
});

interface Case {
  configured: string[];
  sent: string;
  method: string;
  body: string;
  handlerThrows: boolean;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    // Some secrets end in half an emoji (a lone surrogate), as a secret cut short by a copy-paste would.
    configured: fc.array(
      fc.oneof(
        secretArb,
        secretArb.map((s) => `${s}\ud83d`),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    sentKind: fc.constantFrom('right', 'right', 'right', 'wrong', 'near'),
    nearEnd: fc.constantFrom('_', '\udc00', '\ud800', '\ufffd'),
    other: secretArb,
    method: fc.constantFrom('POST', 'POST', 'POST', 'post', 'GET', 'PUT', 'DELETE'),
    handlerThrows: fc.boolean(),
    cut: fc.nat(),
  })
  .chain((c) => {
    const right = c.configured[c.cut % c.configured.length]!;
    const sent = c.sentKind === 'right' ? right : c.sentKind === 'near' ? `${right.slice(0, -1)}${c.nearEnd}` : c.other;
    return bodyArb(fc.constant(sent)).map((body) => ({
      configured: c.configured,
      sent,
      method: c.method,
      body,
      handlerThrows: c.handlerThrows,
    }));
  });

/** What a correct handler does with a case: was the secret right, and is the body a webhook at all? */
function expected(c: Case): { verified: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(c.body);
  } catch {
    return { verified: false };
  }
  const key = (value as { secret_key?: unknown } | null)?.secret_key;
  return { verified: c.method.toUpperCase() === 'POST' && typeof key === 'string' && c.configured.includes(key) };
}

function build(c: Case) {
  const calls: unknown[] = [];
  const errors: WebhookError[] = [];
  const user = (webhook: unknown) => {
    calls.push(webhook);
    if (c.handlerThrows) throw new Error('user handler failed');
  };
  const handler = createWebhookHandler({
    secret: c.configured,
    on: Object.fromEntries(WEBHOOK_ACTIONS.map((a) => [a, user])),
    fallback: user,
    onError: (e) => errors.push(e),
  });
  return { handler, calls, errors };
}

function checkAnswer(c: Case, status: number, calls: unknown[], errors: WebhookError[]): void {
  const { verified } = expected(c);
  // User code only runs with the right secret.
  if (!verified) expect(calls).toHaveLength(0);
  // 5xx only when user code threw.
  if (status >= 500) {
    expect(c.handlerThrows && calls.length > 0).toBe(true);
    expect(status).toBe(500);
  }
  for (const error of errors) {
    expect(error).toBeInstanceOf(LcError);
    expectStringifies(error);
    expectNoSecret(error, [...c.configured, c.sent]);
  }
  expectPrototypeClean();
}

describe('webhooks fuzz: createWebhookHandler', () => {
  it(
    'never calls user code without the right secret, never answers 5xx on its own, and onError gets no secret',
    async () => {
      const withForm = caseArb.chain((c) => asFormArb(c.body).map((form) => [c, form] as const));
      await checkAsync(500, withForm, async ([c, form]) => {
        const { handler, calls, errors } = build(c);
        // The body as text, bytes, an ArrayBuffer, or what a framework's body parser made of it.
        const answer = await handler.handle({ method: c.method, body: form() });
        checkAnswer(c, answer.status, calls, errors);
        for (const secret of [...c.configured, c.sent]) expect(answer.body).not.toContain(secret);
      });
    },
    fuzzTimeout(20_000),
  );

  it(
    'the fetch adapter keeps the same promises for random bodies and methods',
    async () => {
      await checkAsync(300, caseArb, async (c) => {
        const { handler, calls, errors } = build(c);
        const hasBody = !['GET', 'HEAD'].includes(c.method.toUpperCase());
        const request = new Request('http://webhooks.test/', {
          method: c.method,
          ...(hasBody ? { body: c.body } : {}),
        });
        const response = await handler.fetch(request);
        checkAnswer(c, response.status, calls, errors);
      });
    },
    fuzzTimeout(20_000),
  );
});

describe('webhooks fuzz: the Node adapter on a real server', () => {
  let current: ReturnType<typeof build> | undefined;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await listen((req, res) => {
      void current!.handler(req, res);
    });
  });
  afterAll(() => server.close());

  it(
    'every request is answered within 2 s, never 5xx on its own, and user code runs only with the right secret',
    async () => {
      await checkAsync(
        150,
        caseArb,
        fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', ''),
        async (c, contentType) => {
          current = build(c);
          const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
          const result = await settlesWithin(
            send(server.url, { method: c.method.toUpperCase(), body: c.body, headers }),
            2000,
            'a webhook request',
          );
          if (result.status === 'rejected') throw result.reason;
          checkAnswer(c, result.value.status, current.calls, current.errors);
        },
      );
    },
    fuzzTimeout(20_000),
  );
});
