import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebhookHandler, type WebhookError, type WebhookHandlerOptions } from '../src/index.js';
import { SECRET, listen, sample } from './helpers.js';

function make(options: Partial<WebhookHandlerOptions> = {}) {
  const errors: WebhookError[] = [];
  const handler = createWebhookHandler({ secret: SECRET, onError: (e) => errors.push(e), ...options });
  return { fetch: handler.fetch, handle: handler.handle, errors };
}

function post(body: BodyInit | null, init: RequestInit = {}): Request {
  return new Request('http://localhost/webhooks', { method: 'POST', body, ...init });
}

const postJson = (value: unknown) => post(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });

describe('fetch handler with real Request objects', () => {
  it('200: calls the handler of the action', async () => {
    const seen = vi.fn();
    const { fetch } = make({ on: { incoming_event: (w) => seen(w.payload.event.id) } });
    const res = await fetch(postJson(sample('incoming_event')));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(seen).toHaveBeenCalledWith('K600PKZON8_1');
  });

  it('works detached (export const POST = handler.fetch)', async () => {
    const { fetch: POST } = make();
    expect((await POST(postJson(sample('incoming_chat')))).status).toBe(200);
  });

  it('200 when nothing handles the action', async () => {
    const { fetch, errors } = make();
    expect((await fetch(postJson({ ...sample('incoming_chat'), action: 'newer_action' }))).status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('401 for a wrong or missing secret, handler not called, secret not echoed', async () => {
    const onChat = vi.fn();
    const { fetch, errors } = make({ on: { incoming_chat: onChat } });
    const noSecret = sample('incoming_chat');
    delete noSecret.secret_key;
    for (const body of [sample('incoming_chat', 'wrong'), noSecret]) {
      const res = await fetch(postJson(body));
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain(SECRET);
    }
    expect(onChat).not.toHaveBeenCalled();
    expect(errors.map((e) => e.reason)).toEqual(['unauthorized', 'unauthorized']);
  });

  it('accepts every secret during rotation', async () => {
    const { fetch } = make({ secret: ['next', SECRET] });
    expect((await fetch(postJson(sample('incoming_chat', 'next')))).status).toBe(200);
    expect((await fetch(postJson(sample('incoming_chat')))).status).toBe(200);
    expect((await fetch(postJson(sample('incoming_chat', 'previous')))).status).toBe(401);
  });

  it('400 for malformed JSON, no body, invalid UTF-8 and a non-webhook', async () => {
    const { fetch, errors } = make();
    const incomplete = sample('incoming_chat');
    incomplete.organization_id = 12;
    const responses = await Promise.all([
      fetch(post('{"oops"')),
      fetch(post(null)),
      fetch(post(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))),
      fetch(postJson('just a string')),
      fetch(postJson(incomplete)),
    ]);
    expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(errors.map((e) => e.reason)).toEqual([
      'invalid_json',
      'invalid_json',
      'invalid_json',
      'not_a_webhook',
      'not_a_webhook',
    ]);
    expect(errors[4]?.field).toBe('organization_id');
  });

  it('405 for anything but POST', async () => {
    const { fetch } = make();
    for (const method of ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const res = await fetch(
        new Request('http://localhost/webhooks', {
          method,
          ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }),
        }),
      );
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  it('413 for a declared oversize body, before reading it', async () => {
    const { fetch } = make({ maxBodySize: 100 });
    const res = await fetch(post('x'.repeat(101), { headers: { 'content-length': '101' } }));
    expect(res.status).toBe(413);
  });

  it('413 for an oversize streamed body: stops pulling chunks and cancels the stream', async () => {
    const { fetch, errors } = make({ maxBodySize: 4096 });
    let pulls = 0;
    const cancelled = vi.fn();
    // An endless body: only stopping early can finish this request.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(1000).fill(0x20));
      },
      cancel: cancelled,
    });
    const res = await fetch(post(body, { duplex: 'half' } as RequestInit));
    expect(res.status).toBe(413);
    expect(errors.map((e) => e.reason)).toEqual(['body_too_large']);
    expect(cancelled).toHaveBeenCalled();
    expect(pulls).toBeLessThanOrEqual(8);
  });

  it('500 when the handler throws or rejects, reported through onError', async () => {
    const { fetch, errors } = make({
      on: {
        incoming_chat: () => {
          throw new Error('sync boom');
        },
        incoming_event: async () => {
          throw new Error('async boom');
        },
      },
    });
    const a = await fetch(postJson(sample('incoming_chat')));
    const b = await fetch(postJson(sample('incoming_event')));
    expect([a.status, b.status]).toEqual([500, 500]);
    expect(await a.text()).not.toContain('sync boom');
    expect(errors.map((e) => [e.reason, (e.cause as Error).message])).toEqual([
      ['handler_failed', 'sync boom'],
      ['handler_failed', 'async boom'],
    ]);
  });
});

describe('fetch handler served through node:http and called with fetch()', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c()));
  });

  it('answers a real HTTP client', async () => {
    const seen = vi.fn();
    const handler = createWebhookHandler({ secret: SECRET, on: { thread_tagged: (w) => seen(w.payload.tag) } });
    const s = await listen((req, res) => {
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
      } as RequestInit);
      void handler.fetch(request).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    closers.push(s.close);
    const ok = await fetch(s.url, { method: 'POST', body: JSON.stringify(sample('thread_tagged')) });
    expect(ok.status).toBe(200);
    expect(seen).toHaveBeenCalledWith('tag-value');
    expect((await fetch(s.url, { method: 'POST', body: JSON.stringify(sample('thread_tagged', 'x')) })).status).toBe(
      401,
    );
    expect((await fetch(s.url)).status).toBe(405);
  });
});

describe('handle() for other frameworks', () => {
  it('takes an already-parsed body and answers status, headers and body', async () => {
    const { handle } = make();
    const r = await handle({ method: 'POST', body: sample('incoming_chat') });
    expect(r).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect((await handle({ body: sample('incoming_chat', 'no') })).status).toBe(401);
    expect((await handle({ method: 'get', body: undefined })).status).toBe(405);
  });
});
