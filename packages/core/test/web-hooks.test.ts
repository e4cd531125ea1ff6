// `hooks` of the Web client: one onRequestStart and one onRequestEnd per attempt, with what a logger
// or tracer needs, never a token, payloads only when asked for.
import { describe, expect, it } from 'vitest';
import type { ClientHooks, RequestEndInfo, RequestStartInfo, Token } from '../src/index.js';
import { createWebClient as createDefaultWebClient } from '../src/index.js';
import { createWebClient as createNodeWebClient } from '../src/node/entry.js';
import { useHttpServer } from './helpers/use-server.js';
import { WIRE } from './helpers/wire.js';

const transports = [
  { name: 'global fetch', create: createDefaultWebClient },
  { name: 'node:http', create: createNodeWebClient },
] as const;
const SECRET = 'dal:secret-access-token';
const token: Token = { accessToken: SECRET, tokenType: 'Bearer', organizationID: 'org-1' };

const testServer = useHttpServer();

describe.each(transports)('hooks over $name', ({ create }) => {
  const recording = (includePayloads = false) => {
    const seen: Array<['start', RequestStartInfo] | ['end', RequestEndInfo]> = [];
    const hooks: ClientHooks = {
      includePayloads,
      onRequestStart: (info) => seen.push(['start', info]),
      onRequestEnd: (info) => seen.push(['end', info]),
    };
    const web = create({
      api: 'agent',
      apiUrl: testServer().url,
      tokenGetter: () => token,
      wire: WIRE.agent,
      retry: { baseDelay: 1, maxDelay: 1 },
      hooks,
    });
    return { web, seen };
  };

  it('reports each attempt: a 503 that is retried, then the answer, with request and debug ids', async () => {
    testServer().route('POST /v3.6/agent/action/list_chats', [
      { status: 503, json: { error: { type: 'service_unavailable', message: 'busy' } } },
      { json: { chats_summary: [] }, headers: { 'x-request-id': 'req-2', 'x-debug-id': 'dbg-2' } },
    ]);
    const { web, seen } = recording();
    await web.call('list_chats', { limit: 1 });
    expect(seen.map(([kind, info]) => [kind, info.attempt])).toEqual([
      ['start', 1],
      ['end', 1],
      ['start', 2],
      ['end', 2],
    ]);
    const [, first] = seen[1] as ['end', RequestEndInfo];
    expect(first).toMatchObject({ api: 'agent', transport: 'web', action: 'list_chats', version: '3.6', status: 503 });
    expect(first.error).toMatchObject({ type: 'service_unavailable', status: 503 });
    expect(first.retryDelay).toBeGreaterThanOrEqual(0);
    const [, second] = seen[3] as ['end', RequestEndInfo];
    expect(second).toMatchObject({ status: 200, requestId: 'req-2', debugId: 'dbg-2' });
    expect(second.error).toBeUndefined();
    expect(second.retryDelay).toBeUndefined();
    expect(second.duration).toBeGreaterThanOrEqual(0);
    expect('payload' in second || 'response' in second).toBe(false);
    expect(JSON.stringify(seen)).not.toContain('secret-access-token');
  });

  it('passes payload and response only with includePayloads, and never the token', async () => {
    testServer().route('POST /v3.6/agent/action/get_chat', { json: { id: 'c1' } });
    const { web, seen } = recording(true);
    await web.call('get_chat', { chat_id: 'c1' });
    expect(seen[0]![1]).toMatchObject({ payload: { chat_id: 'c1' } });
    expect(seen[1]![1]).toMatchObject({ payload: { chat_id: 'c1' }, response: { id: 'c1' } });
    expect(JSON.stringify(seen)).not.toContain('secret-access-token');
  });

  it('a hook that throws changes nothing about the request', async () => {
    testServer().route('POST /v3.6/agent/action/get_chat', { json: { id: 'c1' } });
    const thrown: unknown[] = [];
    const onError = (error: unknown) => thrown.push(error);
    process.on('uncaughtException', onError);
    try {
      const web = create({
        api: 'agent',
        apiUrl: testServer().url,
        tokenGetter: () => token,
        wire: WIRE.agent,
        hooks: {
          onRequestStart: () => {
            throw new Error('start hook');
          },
          onRequestEnd: () => {
            throw new Error('end hook');
          },
        },
      });
      await expect(web.call('get_chat', { chat_id: 'c1' })).resolves.toEqual({ id: 'c1' });
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(thrown.map((e) => (e as Error).message)).toEqual(['start hook', 'end hook']);
  });
});
