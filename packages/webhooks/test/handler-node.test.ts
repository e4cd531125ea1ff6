import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebhookHandler, type WebhookError, type WebhookHandlerOptions } from '../src/index.js';
import { SECRET, listen, postJson, readResponse, sample, send, type RawResponse } from './helpers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function serve(options: Partial<WebhookHandlerOptions> = {}) {
  const errors: WebhookError[] = [];
  const handler = createWebhookHandler({ secret: SECRET, onError: (e) => errors.push(e), ...options });
  const s = await listen(handler);
  closers.push(s.close);
  return { ...s, errors, handler };
}

function json(r: RawResponse): Record<string, unknown> {
  return JSON.parse(r.body) as Record<string, unknown>;
}

describe('Node (req, res) handler on a real node:http server', () => {
  it('200: calls the handler of the action with the parsed webhook', async () => {
    const seen: unknown[] = [];
    const { url, errors } = await serve({ on: { incoming_chat: (w) => void seen.push(w.payload.chat.id) } });
    const r = await postJson(url, sample('incoming_chat'));
    expect(r.status).toBe(200);
    expect(json(r)).toEqual({ ok: true });
    expect(r.headers['content-type']).toMatch(/application\/json/);
    expect(seen).toEqual(['PJ0MRSHTDG']);
    expect(errors).toEqual([]);
  });

  it('answers only after an async handler has finished', async () => {
    let finished = false;
    const { url } = await serve({
      on: {
        incoming_event: async () => {
          await new Promise((r) => setTimeout(r, 20));
          finished = true;
        },
      },
    });
    const r = await postJson(url, sample('incoming_event'));
    expect(r.status).toBe(200);
    expect(finished).toBe(true);
  });

  it('200 when no handler is registered for the action (known or unknown), so the platform does not retry', async () => {
    const onChat = vi.fn();
    const { url, errors } = await serve({ on: { incoming_chat: onChat } });
    expect((await postJson(url, sample('thread_tagged'))).status).toBe(200);
    expect((await postJson(url, { ...sample('thread_tagged'), action: 'brand_new_action' })).status).toBe(200);
    expect(onChat).not.toHaveBeenCalled();
    expect(errors).toEqual([]);
  });

  it('does not mistake Object.prototype names for handlers', async () => {
    const { url } = await serve({ on: {} });
    for (const action of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = await postJson(url, { ...sample('thread_tagged'), action });
      expect(r.status).toBe(200);
    }
  });

  it('fallback receives webhooks without their own handler, unknown actions included', async () => {
    const fallback = vi.fn();
    const own = vi.fn();
    const { url } = await serve({ on: { thread_tagged: own }, fallback });
    await postJson(url, sample('thread_tagged'));
    await postJson(url, sample('thread_untagged'));
    await postJson(url, { ...sample('thread_tagged'), action: 'brand_new_action' });
    expect(own).toHaveBeenCalledTimes(1);
    expect(fallback.mock.calls.map((c) => (c[0] as { action: string }).action)).toEqual([
      'thread_untagged',
      'brand_new_action',
    ]);
  });

  it('401 for a wrong or a missing secret; the handler never runs; the secret is never echoed', async () => {
    const onChat = vi.fn();
    const { url, errors } = await serve({ on: { incoming_chat: onChat } });
    const wrong = await postJson(url, sample('incoming_chat', 'not-the-secret'));
    const missingBody = sample('incoming_chat');
    delete missingBody.secret_key;
    const missing = await postJson(url, missingBody);
    const prefix = await postJson(url, sample('incoming_chat', SECRET.slice(0, -1)));
    for (const r of [wrong, missing, prefix]) {
      expect(r.status).toBe(401);
      expect(r.body).not.toContain(SECRET);
      expect((json(r).error as { reason: string }).reason).toBe('unauthorized');
    }
    expect(onChat).not.toHaveBeenCalled();
    expect(errors.map((e) => e.reason)).toEqual(['unauthorized', 'unauthorized', 'unauthorized']);
    for (const e of errors) expect(JSON.stringify(e) + e.message + String(e.stack)).not.toContain(SECRET);
  });

  it('401 also when the body is a JSON object of a non-webhook without the secret', async () => {
    const { url } = await serve();
    expect((await postJson(url, { hello: 'world' })).status).toBe(401);
  });

  it('accepts every secret during rotation', async () => {
    const onChat = vi.fn();
    const { url } = await serve({ secret: ['new-one', SECRET], on: { incoming_chat: onChat } });
    expect((await postJson(url, sample('incoming_chat', 'new-one'))).status).toBe(200);
    expect((await postJson(url, sample('incoming_chat', SECRET))).status).toBe(200);
    expect((await postJson(url, sample('incoming_chat', 'older'))).status).toBe(401);
    expect(onChat).toHaveBeenCalledTimes(2);
  });

  it('400 for malformed JSON, an empty body, a non-object, and a webhook missing its payload', async () => {
    const { url, errors } = await serve();
    const bad = await send(url, {
      body: '{"action":"incoming_chat",',
      headers: { 'content-type': 'application/json' },
    });
    const empty = await send(url, { body: '' });
    const array = await postJson(url, [sample('incoming_chat')]);
    const noPayload = sample('incoming_chat');
    delete noPayload.payload;
    const incomplete = await postJson(url, noPayload);
    for (const r of [bad, empty, array, incomplete]) expect(r.status).toBe(400);
    expect(errors.map((e) => [e.reason, e.field])).toEqual([
      ['invalid_json', undefined],
      ['invalid_json', undefined],
      ['not_a_webhook', undefined],
      ['not_a_webhook', 'payload'],
    ]);
    expect(incomplete.body).not.toContain(SECRET);
  });

  it('405 for anything but POST, with Allow: POST', async () => {
    const { url, errors } = await serve();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const r = await send(url, { method });
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe('POST');
    }
    expect(errors.every((e) => e.reason === 'method_not_allowed')).toBe(true);
  });

  it('413 for a body over maxBodySize (declared by Content-Length)', async () => {
    const handlerRan = vi.fn();
    const { url, errors } = await serve({ maxBodySize: 1024, on: { incoming_chat: handlerRan } });
    const body = { ...sample('incoming_chat'), padding: 'x'.repeat(2000) };
    const r = await postJson(url, body);
    expect(r.status).toBe(413);
    expect(handlerRan).not.toHaveBeenCalled();
    expect(errors.map((e) => e.reason)).toEqual(['body_too_large']);
    // A body just under the limit still works.
    expect((await postJson(url, { ...sample('incoming_chat'), padding: 'x'.repeat(200) })).status).toBe(200);
    expect(handlerRan).toHaveBeenCalledTimes(1);
  });

  it('413 as soon as a chunked body passes the limit, without waiting for the rest', async () => {
    const { url } = await serve({ maxBodySize: 1024 });
    const r = await new Promise<RawResponse>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: 'POST', agent: false, headers: { 'transfer-encoding': 'chunked' } },
        (res) => {
          readResponse(res).then(resolve, reject);
          req.destroy();
        },
      );
      req.on('error', () => {});
      // 2 KiB sent, and the request is never ended: only an early answer can settle this.
      req.write(Buffer.alloc(2048, 0x20));
    });
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
  });

  it('uses the default limit of 1 MiB', async () => {
    const { url } = await serve();
    const big = { ...sample('incoming_chat'), padding: 'x'.repeat(1024 * 1024) };
    expect((await postJson(url, big)).status).toBe(413);
    const fits = { ...sample('incoming_chat'), padding: 'x'.repeat(1024 * 1024 - 1000) };
    expect((await postJson(url, fits)).status).toBe(200);
  });

  it('500 when the handler throws or rejects; reported through onError; the server keeps serving', async () => {
    const boom = new Error('handler exploded');
    const { url, errors } = await serve({
      on: {
        incoming_chat: () => {
          throw boom;
        },
        incoming_event: () => Promise.reject(new TypeError('async failure')),
      },
    });
    const thrown = await postJson(url, sample('incoming_chat'));
    const rejected = await postJson(url, sample('incoming_event'));
    expect(thrown.status).toBe(500);
    expect(rejected.status).toBe(500);
    expect(thrown.body).not.toContain('handler exploded');
    expect(errors.map((e) => [e.reason, e.action, e.webhookId])).toEqual([
      ['handler_failed', 'incoming_chat', 'wh-incoming_chat'],
      ['handler_failed', 'incoming_event', 'wh-incoming_event'],
    ]);
    expect(errors[0]?.cause).toBe(boom);
    expect(errors[1]?.cause).toBeInstanceOf(TypeError);
    expect((await postJson(url, sample('thread_tagged'))).status).toBe(200);
  });

  it('a throwing or rejecting onError changes nothing', async () => {
    for (const onError of [
      () => {
        throw new Error('logger down');
      },
      () => Promise.reject(new Error('logger down')),
    ]) {
      const { url } = await serve({ onError, on: { incoming_chat: () => Promise.reject(new Error('x')) } });
      expect((await postJson(url, sample('incoming_chat'))).status).toBe(500);
      expect((await postJson(url, sample('incoming_chat', 'bad'))).status).toBe(401);
    }
  });

  it('handlers see no secret when they log the webhook', async () => {
    let logged = '';
    const { url } = await serve({ on: { incoming_chat: (w) => void (logged = JSON.stringify(w)) } });
    await postJson(url, sample('incoming_chat'));
    expect(logged).toContain('PJ0MRSHTDG');
    expect(logged).not.toContain(SECRET);
  });
});

describe('Node handler behind a body parser (express.json() / express.raw() style)', () => {
  async function serveBehindParser(parse: (raw: string) => unknown, options: Partial<WebhookHandlerOptions> = {}) {
    const errors: WebhookError[] = [];
    const handler = createWebhookHandler({ secret: SECRET, onError: (e) => errors.push(e), ...options });
    const s = await listen((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        (req as IncomingMessage & { body?: unknown }).body = parse(Buffer.concat(chunks).toString('utf8'));
        void handler(req, res);
      });
    });
    closers.push(s.close);
    return { ...s, errors };
  }

  it('uses an object body that was already parsed', async () => {
    const seen = vi.fn();
    const { url } = await serveBehindParser((raw) => JSON.parse(raw), { on: { incoming_chat: seen } });
    expect((await postJson(url, sample('incoming_chat'))).status).toBe(200);
    expect((await postJson(url, sample('incoming_chat', 'nope'))).status).toBe(401);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('uses a Buffer or string body (express.raw / express.text), limit included', async () => {
    const asBuffer = await serveBehindParser((raw) => Buffer.from(raw), { maxBodySize: 2048 });
    expect((await postJson(asBuffer.url, sample('incoming_chat'))).status).toBe(200);
    expect((await postJson(asBuffer.url, { ...sample('incoming_chat'), pad: 'x'.repeat(3000) })).status).toBe(413);
    const asText = await serveBehindParser((raw) => raw);
    expect((await send(asText.url, { body: 'not json' })).status).toBe(400);
  });
});

describe('Node handler after a middleware that read the body elsewhere (Fastify, Koa)', () => {
  it('answers 400 unreadable_body at once instead of waiting for a stream that already ended', async () => {
    const errors: WebhookError[] = [];
    const handler = createWebhookHandler({
      secret: SECRET,
      onError: (e) => errors.push(e),
      on: { incoming_chat: () => {} },
    });
    const s = await listen(async (req: IncomingMessage, res: ServerResponse) => {
      for await (const chunk of req) void chunk; // what a body parser does; its result goes elsewhere
      await handler(req, res);
    });
    closers.push(s.close);
    const r = await Promise.race([
      postJson(s.url, sample('incoming_chat')),
      new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 2000).unref()),
    ]);
    expect(r).not.toBe('no answer');
    expect((r as RawResponse).status).toBe(400);
    expect(json(r as RawResponse)).toMatchObject({ error: { reason: 'unreadable_body' } });
    expect(errors.map((e) => e.reason)).toEqual(['unreadable_body']);
  });
});
