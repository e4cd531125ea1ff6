import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Simulator, type SimulatorOptions, startSimulator } from '../src/index.js';
import { delay, Rtm, until, web } from './helpers.js';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: SimulatorOptions = {}) {
  sim = await startSimulator({ port: 0, ...options });
  return sim;
}

describe('platform rules over RTM', () => {
  it('closes a socket that does not log in in time, with connection_timeout', async () => {
    const s = await start({ loginTimeout: 80 });
    const rtm = await Rtm.open(s, 'agent');
    rtm.send({ action: 'ping' }); // ping before login does not count as logging in
    const push = await rtm.push('agent_disconnected', undefined, 1000);
    expect(push.payload).toEqual({ reason: 'connection_timeout' });
    expect((await rtm.closed).code).toBe(1000);
  });

  it('closes a logged-in socket that stays idle, and keeps one that pings', async () => {
    // The pinging socket pings at a fifth of the idle timeout, so a loaded machine's late timers do not close it.
    const s = await start({ idleTimeout: 300 });
    const { rtm: idle } = await Rtm.login(s, 'customer', s.customer.accessToken);
    const { rtm: pinging } = await Rtm.login(s, 'agent', s.agents[0]!.accessToken);
    const timer = setInterval(() => pinging.send({ action: 'ping', payload: {} }), 60);
    try {
      expect((await idle.push('customer_disconnected', undefined, 1000)).payload.reason).toBe('connection_timeout');
      await idle.closed;
      await delay(200);
      expect(s.connections().map((c) => c.userId)).toEqual([s.agents[0]!.id]);
      const pong = pinging.frames.find((f) => f.action === 'ping');
      expect(pong).toMatchObject({ type: 'response', success: true });
    } finally {
      clearInterval(timer);
      pinging.close();
    }
  });

  it('answers the 11th concurrently pending request with pending_requests_limit_reached', async () => {
    const s = await start({ requestDelay: 100 });
    const { rtm } = await Rtm.login(s, 'agent', s.agents[0]!.accessToken);
    const responses = await Promise.all(Array.from({ length: 11 }, () => rtm.request('list_routing_statuses')));
    const failed = responses.filter((r) => !r.success);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.payload.error.type).toBe('pending_requests_limit_reached');
    expect(responses.filter((r) => r.success)).toHaveLength(10);
    // once answered, the socket takes requests again
    expect((await rtm.request('list_routing_statuses')).success).toBe(true);
    rtm.close();
  });

  it('honours the login pushes filter', async () => {
    const s = await start();
    const { rtm: agent } = await Rtm.login(s, 'agent', s.agents[0]!.accessToken, {
      pushes: { '3.6': ['incoming_chat'] },
    });
    const { rtm: customer } = await Rtm.login(s, 'customer', s.customer.accessToken);
    const { payload } = await customer.request('start_chat', {});
    await agent.push('incoming_chat');
    await customer.request('send_event', { chat_id: payload.chat_id, event: { type: 'message', text: 'x' } });
    await customer.push('incoming_event');
    await delay(30);
    expect(agent.pushes('incoming_event')).toHaveLength(0);
    agent.close();
    customer.close();
  });

  it('rejects an upgrade without organization_id or on an unknown path', async () => {
    const s = await start();
    const statusOf = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${s.wsUrl}${path}`);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => reject(new Error('upgraded')));
        ws.on('error', () => {});
      });
    expect(await statusOf('/v3.6/agent/rtm/ws')).toBe(400);
    expect(await statusOf('/v3.6/agent/rtm/ws?organization_id=other')).toBe(404);
    expect(await statusOf(`/v3.6/reports/rtm/ws?organization_id=${s.organizationId}`)).toBe(404);
  });
});

describe('fault injection', () => {
  it('drops sockets abnormally (1006) or cleanly, filtered by API and agent', async () => {
    const s = await start();
    const { rtm: smith } = await Rtm.login(s, 'agent', s.agents[0]!.accessToken);
    const { rtm: jones } = await Rtm.login(s, 'agent', s.agents[1]!.accessToken);
    const { rtm: customer } = await Rtm.login(s, 'customer', s.customer.accessToken);
    expect(s.dropSockets({ agentId: s.agents[0]!.id })).toBe(1);
    expect((await smith.closed).code).toBe(1006);
    expect(s.dropSockets({ api: 'customer', clean: true, code: 4000, reason: 'bye' })).toBe(1);
    expect(await customer.closed).toEqual({ code: 4000, reason: 'bye' });
    expect(s.connections().map((c) => c.userId)).toEqual([s.agents[1]!.id]);
    jones.close();
  });

  it('sends a *_disconnected push with the given reason, then closes', async () => {
    const s = await start();
    const { rtm } = await Rtm.login(s, 'agent', s.agents[0]!.accessToken);
    expect(s.disconnect({ api: 'agent', reason: 'misdirected_connection', data: { region: 'fra' } })).toBe(1);
    expect((await rtm.push('agent_disconnected')).payload).toEqual({
      reason: 'misdirected_connection',
      data: { region: 'fra' },
    });
    expect(await rtm.closed).toMatchObject({ code: 1000 });
  });

  it('fails the next N matching requests, over Web and RTM', async () => {
    const s = await start();
    const token = s.agents[0]!.accessToken;
    s.failNext(2, { type: 'service_unavailable', action: 'list_chats' });
    expect((await web(s, 'agent', 'list_routing_statuses', {}, { token })).status).toBe(200);
    const first = await web(s, 'agent', 'list_chats', {}, { token });
    expect(first).toMatchObject({ status: 503, body: { error: { type: 'service_unavailable' } } });
    const { rtm } = await Rtm.login(s, 'agent', token);
    const second = await rtm.request('list_chats');
    expect(second).toMatchObject({ success: false, payload: { error: { type: 'service_unavailable' } } });
    expect((await rtm.request('list_chats')).success).toBe(true);

    s.failNext(1, { type: 'misdirected_request', data: { region: 'fra' }, transport: 'web' });
    expect((await web(s, 'agent', 'list_chats', {}, { token })).body).toEqual({
      error: { type: 'misdirected_request', message: expect.any(String), data: { region: 'fra' } },
    });
    s.failNext(1, { type: 'too_many_requests', retryAfter: 2 });
    const limited = await web(s, 'agent', 'list_chats', {}, { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    rtm.close();
  });

  it('delays the next requests, leaving them pending', async () => {
    const s = await start();
    const { rtm } = await Rtm.login(s, 'agent', s.agents[0]!.accessToken);
    s.delayNext(1, 150, { action: 'list_chats' });
    const slow = rtm.request('list_chats');
    await until(() => s.connections()[0]!.pending === 1);
    const fast = await rtm.request('list_routing_statuses');
    expect(fast.success).toBe(true);
    expect(s.connections()[0]!.pending).toBe(1);
    expect((await slow).success).toBe(true);
    rtm.close();
  });

  it('rate-limits with too_many_requests (HTTP 429 over Web)', async () => {
    const s = await start();
    const token = s.agents[0]!.accessToken;
    s.rateLimit({ requests: 2, windowMs: 60_000, api: 'agent', retryAfter: 30 });
    expect((await web(s, 'agent', 'list_chats', {}, { token })).status).toBe(200);
    expect((await web(s, 'agent', 'list_chats', {}, { token })).status).toBe(200);
    const third = await web(s, 'agent', 'list_chats', {}, { token });
    expect(third).toMatchObject({ status: 429, body: { error: { type: 'too_many_requests' } } });
    expect(third.headers.get('retry-after')).toBe('30');
    expect((await web(s, 'configuration', 'list_agents', {}, { token })).status).toBe(200);
    s.rateLimit(null);
    expect((await web(s, 'agent', 'list_chats', {}, { token })).status).toBe(200);
  });

  it('rejects a revoked or expired token', async () => {
    const s = await start();
    const token = s.issueAgentToken(s.agents[1]!.id);
    expect((await web(s, 'agent', 'list_chats', {}, { token })).status).toBe(200);
    s.expireToken(token);
    expect((await web(s, 'agent', 'list_chats', {}, { token })).body.error).toMatchObject({
      type: 'authentication',
      message: expect.stringContaining('expired'),
    });
    s.revokeToken(s.agents[0]!.accessToken);
    expect((await web(s, 'agent', 'list_chats', {}, { token: s.agents[0]!.accessToken })).status).toBe(401);
  });
});
