// Type tests of the public method signatures (run by vitest's typecheck).
import type { Event, Token } from '@lc/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  Customer,
  CustomerRTM,
  type CustomerWeb,
  customerTokenFromAgent,
  customerTokenFromCookie,
  type GetDynamicConfigurationResponse,
  type IncomingEventPush,
  type ListChatsResponse,
  type LoginResponse,
} from '../src/index.js';

declare const web: CustomerWeb;
declare const rtm: CustomerRTM;

describe('methods', () => {
  it('refuse a payload without a required field', () => {
    // @ts-expect-error chat_id is required
    web.getChat({});
    // @ts-expect-error group_id, language and version are required
    web.getLocalization({ group_id: 0 });
    // @ts-expect-error the event needs its type
    rtm.sendEvent({ chat_id: 'c', event: { text: 'hi' } });
    // @ts-expect-error update_customer_page is RTM-only
    web.updateCustomerPage({ url: 'https://x' });
    // @ts-expect-error get_configuration is Web-only
    rtm.getConfiguration({ group_id: 0, version: '1' });
  });

  it('accept the payloads of the docs samples', () => {
    web.sendEvent({ chat_id: 'PJ0MRSHTDG', event: { type: 'message', text: 'hello world', visibility: 'all' } });
    web.getDynamicConfiguration({ group_id: 0, url: 'https://www.livechat.com/' });
    web.listLicenseProperties();
    web.listChats({ limit: 25 });
    rtm.updateCustomerPage({ url: 'https://platform.text.com/', title: 'Platform' });
    rtm.login({ customer_page: { url: 'https://shop.example/' }, is_mobile: false, group_id: 0 });
  });

  it('return the typed response', () => {
    expectTypeOf(web.listChats()).toEqualTypeOf<Promise<ListChatsResponse>>();
    expectTypeOf(web.getDynamicConfiguration()).toEqualTypeOf<Promise<GetDynamicConfigurationResponse>>();
    expectTypeOf(rtm.login()).toEqualTypeOf<Promise<LoginResponse>>();
  });
});

describe('call()', () => {
  it('is typed for known actions and open for others', () => {
    expectTypeOf(web.call('list_chats', { limit: 5 })).toEqualTypeOf<Promise<ListChatsResponse>>();
    // @ts-expect-error a known action checks its payload
    web.call('list_chats', { limit: '5' });
    expectTypeOf(web.call('some_3_7_action', {})).toEqualTypeOf<Promise<unknown>>();
    expectTypeOf(rtm.call('some_3_7_action', {})).toEqualTypeOf<Promise<unknown>>();
    web.call('request_welcome_message', { group_id: 0 }, { apiVersion: '3.7' });
    // @ts-expect-error update_customer_page is RTM-only
    web.call('update_customer_page', { url: 'https://x' });
  });
});

describe('pushes', () => {
  it('on("incoming_event") knows the payload', () => {
    rtm.on('incoming_event', (p) => {
      expectTypeOf(p).toEqualTypeOf<IncomingEventPush>();
      expectTypeOf(p.event).toEqualTypeOf<Event>();
    });
    // @ts-expect-error an agent-only push
    rtm.on('routing_status_set', () => {});
  });
});

describe('token getters', () => {
  it('are TokenGetters', () => {
    const cookie = customerTokenFromCookie({ clientId: 'c', organizationId: 'o' });
    expectTypeOf(cookie()).toEqualTypeOf<Promise<Token>>();
    new CustomerRTM(undefined, cookie);
    new Customer.Web(customerTokenFromAgent({ clientId: 'c', agentToken: 'dal:x', entityId: 'e' }));
    // @ts-expect-error clientId is required
    customerTokenFromCookie({ organizationId: 'o' });
    // @ts-expect-error organizationId is required for the cookie grant
    customerTokenFromCookie({ clientId: 'c' });
  });

  it('Customer namespace types', () => {
    const r: Customer.RTM = rtm;
    expectTypeOf(r).toEqualTypeOf<CustomerRTM>();
  });
});
