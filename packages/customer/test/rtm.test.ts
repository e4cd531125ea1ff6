import { InputError, type Token } from '@lc/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Customer, CustomerRTM } from '../src/index.js';
import { camel, methodsOf, samplePayload } from '../../../test-utils/chat-spec.js';
import { startRtm, type RtmServer } from '../../../test-utils/chat-servers.js';

let server: RtmServer;
let rtm: CustomerRTM;

const loginPayload = { customer_id: 'cust-1', has_active_thread: false, chats: [] };
const token: Token = { accessToken: 'customer-secret', organizationID: 'org-1', tokenType: 'Bearer' };

beforeAll(async () => {
  server = await startRtm();
});
afterAll(() => server.close());
beforeEach(() => {
  server.frames.length = 0;
  server.connections.length = 0;
  server.reply = (f) => (f.action === 'login' ? loginPayload : {});
  rtm = new CustomerRTM(WebSocket as never, () => token, { apiUrl: server.url, reconnect: false });
});
afterEach(() => rtm.close());

const rtmMethods = methodsOf('customer', 'rtm').filter((m) => m.method !== 'login');

describe('every documented Customer RTM method', () => {
  it('covers the 30 documented actions', () => {
    expect(methodsOf('customer', 'rtm')).toHaveLength(30);
  });

  it('connects with organization_id and logs in with the getter token', async () => {
    await expect(rtm.login({ customer_page: { url: 'https://shop.example/' } })).resolves.toEqual(loginPayload);
    const url = new URL(server.connections[0]!, 'ws://x');
    expect(url.pathname).toBe('/v3.6/customer/rtm/ws');
    expect(url.searchParams.get('organization_id')).toBe('org-1');
    expect(server.frames[0]).toMatchObject({
      action: 'login',
      payload: { token: 'Bearer customer-secret', customer_page: { url: 'https://shop.example/' } },
    });
  });

  it.each(rtmMethods.map((m) => [m.method, m] as const))(
    '%s: sends the action with the payload unchanged',
    async (name, m) => {
      await rtm.login();
      const payload = samplePayload(m);
      server.reply = (f) => ({ answered: f.action });
      const fn = (rtm as unknown as Record<string, (p: unknown) => Promise<unknown>>)[camel(name)];
      expect(typeof fn).toBe('function');
      await expect(fn!.call(rtm, payload)).resolves.toEqual({ answered: name });
      const frame = server.frames.at(-1)!;
      expect(frame.action).toBe(name);
      expect(frame.payload ?? {}).toEqual(payload);
    },
  );
});

describe('pushes and pages', () => {
  it('on("incoming_event") gets the typed payload', async () => {
    await rtm.login();
    const texts: unknown[] = [];
    rtm.on('incoming_event', (p) => texts.push(p.chat_id));
    server.push('incoming_event', { chat_id: 'c1', thread_id: 't1', event: { id: 'e', type: 'message', text: 'x' } });
    await expect.poll(() => texts).toEqual(['c1']);
  });

  it('listChatsPages follows next_page_id over RTM', async () => {
    await rtm.login();
    server.reply = (f) => {
      const id = f.payload?.page_id;
      return id === undefined
        ? { chats_summary: [], next_page_id: 'p2' }
        : id === 'p2'
          ? { chats_summary: [], next_page_id: 'p3' }
          : { chats_summary: [] };
    };
    let n = 0;
    for await (const _ of rtm.listChatsPages({ limit: 25 })) n++;
    expect(n).toBe(3);
    expect(server.frames.slice(1).map((f) => f.payload)).toEqual([{ limit: 25 }, { page_id: 'p2' }, { page_id: 'p3' }]);
  });

  it('…Pages with a payload that is not an object: InputError, nothing sent', async () => {
    await rtm.login();
    const error = await rtm
      .listThreadsPages('chat-1' as never)
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(server.frames.map((f) => f.action)).toEqual(['login']);
  });
});

it('Customer.RTM is the CustomerRTM class', () => {
  expect(Customer.RTM).toBe(CustomerRTM);
});
