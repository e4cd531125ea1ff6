import { AgentWeb } from '@lc/agent';
import { NotFoundError } from '@lc/core';
import { startSimulator } from '@lc/testing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { otelHooks } from '../src/otel-hooks.mjs';
import { memoryTracer } from './memory-tracer.js';

const request = { api: 'agent', transport: 'web', action: 'get_chat', version: '3.6', attempt: 1 } as const;

describe('otelHooks', () => {
  it('makes one CLIENT span per attempt with the request attributes, backdated by its duration', () => {
    const tracer = memoryTracer();
    const hooks = otelHooks({ tracer });
    hooks.onRequestStart?.(request);
    hooks.onRequestEnd!({ ...request, duration: 42, status: 200, requestId: 'req-1', debugId: 'dbg-1' });
    expect(tracer.spans).toHaveLength(1);
    const [span] = tracer.spans;
    expect(span!.name).toBe('livechat agent get_chat');
    expect(span!.options.kind).toBe(SpanKind.CLIENT);
    expect(span!.attributes).toEqual({
      'lc.api': 'agent',
      'lc.transport': 'web',
      'lc.action': 'get_chat',
      'lc.api_version': '3.6',
      'lc.attempt': 1,
      'http.response.status_code': 200,
      'lc.request_id': 'req-1',
      'lc.debug_id': 'dbg-1',
    });
    expect((span!.endTime as number) - (span!.options.startTime as number)).toBe(42);
    expect(span!.status).toBeUndefined();
  });

  it('marks a failed attempt with the error type and a retry with its delay', () => {
    const tracer = memoryTracer();
    const error = new NotFoundError(
      { type: 'not_found', message: 'Chat not found' },
      { action: 'get_chat', status: 404 },
    );
    otelHooks({ tracer }).onRequestEnd!({ ...request, attempt: 2, duration: 5, status: 404, error, retryDelay: 500 });
    const [span] = tracer.spans;
    expect(span!.attributes['error.type']).toBe('not_found');
    expect(span!.attributes['lc.retry_delay_ms']).toBe(500);
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Chat not found' });
  });

  it('records RTM state changes as events', () => {
    const tracer = memoryTracer();
    otelHooks({ tracer }).onStateChange!({ api: 'agent', from: 'connecting', to: 'logging_in' });
    expect(tracer.spans[0]!.events).toEqual([
      { name: 'rtm.state_change', attributes: { 'lc.rtm.from': 'connecting', 'lc.rtm.to': 'logging_in' } },
    ]);
  });

  it('works with the API’s default no-op tracer (no provider registered)', () => {
    const hooks = otelHooks();
    expect(() => hooks.onRequestEnd!({ ...request, duration: 1, status: 200 })).not.toThrow();
  });

  it('traces the requests of an AgentWeb client against the simulator', async () => {
    const sim = await startSimulator({ port: 0 });
    try {
      const tracer = memoryTracer();
      const token = {
        accessToken: sim.agents[0]!.accessToken,
        organizationID: sim.organizationId,
        tokenType: 'Bearer' as const,
      };
      const agent = new AgentWeb(() => token, { apiUrl: sim.url, hooks: otelHooks({ tracer }) });
      await agent.listChats({});
      await expect(agent.getChat({ chat_id: 'NOPE' })).rejects.toThrow();
      expect(tracer.spans.map((s) => [s.name, s.attributes['http.response.status_code']])).toEqual([
        ['livechat agent list_chats', 200],
        ['livechat agent get_chat', 404],
      ]);
      expect(JSON.stringify(tracer.spans)).not.toContain(token.accessToken);
    } finally {
      await sim.close();
    }
  });
});
