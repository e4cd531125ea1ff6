import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createWebhookHandler,
  isKnownWebhook,
  isWebhookOf,
  parseWebhook,
  syncWebhooks,
  type ConfigurationWebhookAction,
  type KnownWebhook,
  type NodeRequestLike,
  type NodeResponseLike,
  type Webhook,
  type WebhookAction,
  type WebhookFilters,
  type WebhookOf,
  type WebhookPayloads,
  type WebhookRequester,
  type WebhookConfigurationClient,
} from '../src/index.js';
import type { Chat, Event } from '@lc/core';
import type { SPEC_WEBHOOKS } from './spec-webhooks.generated.js';

type Spec = typeof SPEC_WEBHOOKS;
type Elem<T> = T extends readonly (infer E)[] ? E : T;
type PayloadKeys<A extends WebhookAction> = keyof Elem<WebhookPayloads[A]>;
type MissingFields = { [A in WebhookAction]: Exclude<Spec[A]['payload_fields'][number], PayloadKeys<A>> };

describe('types against the spec data', () => {
  it('the union has exactly the spec actions', () => {
    expectTypeOf<keyof Spec>().toEqualTypeOf<WebhookAction>();
    expectTypeOf<keyof WebhookPayloads>().toEqualTypeOf<WebhookAction>();
    expectTypeOf<KnownWebhook['action']>().toEqualTypeOf<WebhookAction>();
  });

  it('every payload field the spec lists is typed', () => {
    expectTypeOf<MissingFields[WebhookAction]>().toBeNever();
  });

  it('array payloads are arrays, object payloads are not', () => {
    type ArrayActions = { [A in WebhookAction]: Spec[A]['payload_shape'] extends 'array' ? A : never }[WebhookAction];
    type TypedArrays = {
      [A in WebhookAction]: WebhookPayloads[A] extends readonly unknown[] ? A : never;
    }[WebhookAction];
    expectTypeOf<TypedArrays>().toEqualTypeOf<ArrayActions>();
  });

  it('the actions whose envelope carries `requester` are the configuration actions', () => {
    type WithRequester = {
      [A in WebhookAction]: 'requester' extends Spec[A]['envelope_fields'][number] ? A : never;
    }[WebhookAction];
    expectTypeOf<WithRequester>().toEqualTypeOf<ConfigurationWebhookAction>();
    expectTypeOf<WebhookOf<'agent_created'>['requester']>().toEqualTypeOf<WebhookRequester | undefined>();
  });

  it('every filter the spec lists is a WebhookFilters key', () => {
    expectTypeOf<Exclude<Spec[WebhookAction]['available_filters'][number], keyof WebhookFilters>>().toBeNever();
  });
});

describe('narrowing', () => {
  it('the known union narrows by action', () => {
    const w = {} as KnownWebhook;
    switch (w.action) {
      case 'incoming_chat':
        expectTypeOf(w.payload.chat).toEqualTypeOf<Chat>();
        break;
      case 'incoming_event':
        expectTypeOf(w.payload.event).toEqualTypeOf<Event>();
        expectTypeOf(w.payload.chat_id).toBeString();
        break;
      case 'auto_accesses_updated':
        expectTypeOf(w.payload).toBeArray();
        expectTypeOf(w.requester).toEqualTypeOf<WebhookRequester | undefined>();
        break;
      case 'group_deleted':
        expectTypeOf(w.payload.id).toBeNumber();
        break;
      default:
        expectTypeOf(w.action).toEqualTypeOf<
          Exclude<WebhookAction, 'incoming_chat' | 'incoming_event' | 'auto_accesses_updated' | 'group_deleted'>
        >();
    }
    if (w.action === 'chat_deactivated') {
      expectTypeOf(w.payload.user_id).toEqualTypeOf<string | undefined>();
      // @ts-expect-error a field of another action
      void w.payload.chat;
    }
  });

  it('parseWebhook gives Webhook; isKnownWebhook / isWebhookOf narrow it', () => {
    const w = parseWebhook('{}');
    expectTypeOf(w).toEqualTypeOf<Webhook>();
    expectTypeOf(w.action).toBeString();
    expectTypeOf(w.payload).toBeUnknown();
    if (isKnownWebhook(w) && w.action === 'thread_tagged') expectTypeOf(w.payload.tag).toBeString();
    if (isWebhookOf(w, 'incoming_chat')) expectTypeOf(w.payload.chat.id).toBeString();
  });

  it('handlers in `on` get the webhook of their action', () => {
    createWebhookHandler({
      secret: 's',
      on: {
        incoming_chat: (w) => expectTypeOf(w.payload.chat).toEqualTypeOf<Chat>(),
        tag_created: async (w) => expectTypeOf(w.payload.group_ids).toEqualTypeOf<number[]>(),
      },
      fallback: (w) => expectTypeOf(w).toEqualTypeOf<Webhook>(),
    });
    createWebhookHandler({
      secret: ['new', 'old'],
      on: {
        // @ts-expect-error not an action
        incoming_chats: () => {},
      },
    });
    // @ts-expect-error the secret is required
    createWebhookHandler({ on: {} });
  });
});

describe('adapters and clients', () => {
  it('node:http request/response fit the Node adapter; fetch takes a Request', () => {
    expectTypeOf<IncomingMessage>().toExtend<NodeRequestLike>();
    expectTypeOf<ServerResponse>().toExtend<NodeResponseLike>();
    const handler = createWebhookHandler({ secret: 's' });
    expectTypeOf(handler).toBeCallableWith({} as IncomingMessage, {} as ServerResponse);
    expectTypeOf(handler.fetch).parameters.toEqualTypeOf<[Request]>();
    expectTypeOf(handler.fetch).returns.resolves.toEqualTypeOf<Response>();
  });

  it('syncWebhooks accepts a call() client or a methods client', () => {
    const callClient = { call: async <R = unknown>(_a: string, _p?: object): Promise<R> => ({}) as R };
    const methodsClient = {
      listWebhooks: async (_p: { owner_client_id: string; type?: 'bot' | 'license' }) => [] as { id: string }[],
      registerWebhook: async (_p: {
        action: string;
        url: string;
        secret_key: string;
        owner_client_id: string;
        type: 'bot' | 'license';
      }) => ({ id: 'x' }),
      unregisterWebhook: async (_p: { id: string; owner_client_id: string }) => ({}),
    };
    expectTypeOf(callClient).toExtend<WebhookConfigurationClient>();
    expectTypeOf(methodsClient).toExtend<WebhookConfigurationClient>();
    const opts = { owner_client_id: 'c', url: 'https://x', secret_key: 's', type: 'license', webhooks: [] } as const;
    expectTypeOf(syncWebhooks).toBeCallableWith(methodsClient, opts);
    // @ts-expect-error not a client
    void syncWebhooks({}, opts);
  });
});
