import { describe, expectTypeOf, it } from 'vitest';
import WebSocket from 'ws';
import {
  callWithToken,
  createRTMClient,
  type CreateRTMClient,
  type PushFrame,
  type RTMClient,
  type RTMEvents,
  type RTMState,
  type WebSocketConstructor,
} from '../src/index.js';

const getter = () => ({ accessToken: 't', tokenType: 'Bearer' as const, organizationID: 'o' });

describe('createRTMClient types', () => {
  it('matches the CreateRTMClient contract', () => {
    expectTypeOf(createRTMClient).toMatchTypeOf<CreateRTMClient>();
  });

  it('accepts the ws class and a browser WebSocket', () => {
    createRTMClient(WebSocket as unknown as WebSocketConstructor, getter, { api: 'agent' });
    createRTMClient(undefined, getter, {
      api: 'customer',
      apiUrl: 'ws://127.0.0.1:1',
      maxPending: 5,
      reconnect: false,
    });
    // @ts-expect-error api is required
    createRTMClient(undefined, getter, {});
    // @ts-expect-error not an RTM API
    createRTMClient(undefined, getter, { api: 'reports' });
  });

  it('types pushes from the Pushes map', () => {
    type Pushes = {
      incoming_event: { chat_id: string; event: { id: string } };
      agent_disconnected: { reason: string };
    };
    const rtm: RTMClient<Pushes> = createRTMClient<Pushes>(undefined, getter, { api: 'agent' });
    rtm.on('incoming_event', (payload, frame) => {
      expectTypeOf(payload.event.id).toEqualTypeOf<string>();
      expectTypeOf(frame).toEqualTypeOf<PushFrame<'incoming_event', Pushes['incoming_event']>>();
    });
    // @ts-expect-error unknown push
    rtm.on('no_such_push', () => {});
    expectTypeOf(rtm.on('agent_disconnected', () => {})).toEqualTypeOf<() => void>();
  });

  it('types calls, events and state', () => {
    const rtm = createRTMClient(undefined, getter, { api: 'agent' });
    expectTypeOf(rtm.call<{ chats_summary: unknown[] }>('list_chats', {})).resolves.toEqualTypeOf<{
      chats_summary: unknown[];
    }>();
    expectTypeOf(callWithToken(rtm, 'update_session')).resolves.toBeUnknown();
    expectTypeOf(rtm.state).toEqualTypeOf<RTMState>();
    rtm.onEvent('close', (e) => expectTypeOf(e).toEqualTypeOf<RTMEvents['close']>());
    rtm.onEvent('ready', (e) => expectTypeOf(e.reconnected).toBeBoolean());
    // @ts-expect-error unknown lifecycle event
    rtm.onEvent('nope', () => {});
    expectTypeOf(rtm.close()).resolves.toBeVoid();
  });
});
