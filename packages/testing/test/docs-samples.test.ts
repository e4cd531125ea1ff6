// Each documented 3.6 and 3.7 response sample (spec/samples.json, generated from the docs by `pnpm spec:update`)
// against the simulator's answer to a real request of that action: the same keys at every level, except
// the fields the docs mark optional (OPTIONAL, each with its reason). Where the docs contradict
// themselves, the sample of that action (and transport) is followed, and the case says so.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { METHODS } from '../src/spec-data.js';
import { type Frame, Rtm, web } from './helpers.js';
import { shapeDiff } from './shape.js';

interface Sample {
  api: string;
  version: string;
  action: string;
  kind: string;
  transport?: 'web' | 'rtm';
  sample: unknown;
  source: string;
}

const SAMPLES = fileURLToPath(new URL('../../../spec/samples.json', import.meta.url));
const responses: Sample[] = existsSync(SAMPLES)
  ? (JSON.parse(readFileSync(SAMPLES, 'utf8')) as Sample[]).filter((s) => s.kind === 'response')
  : [];

type Transport = 'web' | 'rtm';
type Api = 'agent' | 'customer' | 'configuration' | 'reports';

// Fields the data-structure pages mark optional ("optionally") or that exist only once something happened:
// a thread's neighbours, summary and customer visit; a user's avatar, name, email, job title and
// `events_seen_up_to`; an event's properties; the page ids of a list with more pages.
const THREAD = [
  'summary',
  'previous_thread_id',
  'next_thread_id',
  'previous_accessible_thread_id',
  'next_accessible_thread_id',
  'customer_visit',
];
const USER = ['avatar', 'name', 'email', 'job_title', 'events_seen_up_to', 'session_fields', 'statistics.*'];
const under = (prefix: string, names: readonly string[]) => names.map((n) => `${prefix}${n}`);
const PAGES = ['next_page_id', 'previous_page_id'];

/**
 * Per `<api>/<action>`: the paths the docs mark optional, and the contradictions between samples, each
 * with its reason. Everything else must match the sample key for key.
 */
const OPTIONAL: Record<string, readonly string[]> = {
  // Thread `tags` is in the Thread data structure of the Agent Chat API; the get_chat / list_threads /
  // list_archives samples leave it out.
  'agent/get_chat': [
    ...under('thread.', [...THREAD, 'tags']),
    ...under('users[].', USER),
    'thread.events[].properties',
  ],
  'agent/list_threads': [...under('threads[].', [...THREAD, 'tags']), 'threads[].events[].properties', ...PAGES],
  'agent/list_archives': [
    ...under('chats[].thread.', [...THREAD, 'tags']),
    ...under('chats[].users[].', [...USER, 'created_at', 'statistics', 'agent_last_event_created_at']),
    'chats[].thread.events[].properties',
    ...PAGES,
  ],
  'agent/list_chats': [...PAGES],
  // The customer as agents see them: optional fields, a private field, tickets (not simulated).
  'agent/get_customer': [
    'avatar',
    'session_fields',
    'visit',
    '__priv_lc2_customer_id',
    'tickets',
    'statistics.tickets_count',
    'agent_last_event_created_at',
    'customer_last_event_created_at',
  ],
  'agent/update_customer': ['avatar', 'session_fields', 'visit', 'email', 'name'],
  // The login sample's chat summaries are shorter than list_chats' (the same structure in the docs):
  // the simulator answers the list_chats shape in both.
  'agent/login': [
    'chats_summary[].last_thread_summary.active',
    'chats_summary[].last_thread_summary.access',
    'chats_summary[].is_followed',
    'chats_summary[].properties',
  ],
  'customer/get_chat': [...under('thread.', THREAD), ...under('users[].', USER), 'thread.events[].properties'],
  'customer/list_threads': [
    ...under('threads[].', THREAD),
    'threads[].events[].properties',
    ...PAGES,
    'threads[].events[].recipients',
  ],
  'customer/list_chats': [...under('chats_summary[].users[].', USER), ...PAGES],
  // The login sample's customer has no `type` (the get_customer sample has); `greeting` is there only
  // while one is displayed; `__priv_dynamic_config.customer_groups` is private and not simulated.
  'customer/login': [
    ...under('customer.', USER),
    'customer.type',
    'customer.statistics.*',
    'greeting',
    '__priv_dynamic_config.customer_groups',
  ],
  'customer/get_customer': ['avatar', 'session_fields', 'email', 'name'],
  // The get_greeting / list_greetings samples show no `template_id` in `rich_message`, which
  // create_greeting requires: the simulator keeps what was created rather than dropping it.
  'configuration/get_greeting': ['rich_message.template_id', 'properties', 'active_from', 'active_until'],
  'configuration/list_greetings': [
    'greetings[].rich_message.template_id',
    'greetings[].rich_message',
    'greetings[].properties',
    ...PAGES,
  ],
  // Fields given by `fields` or set on the agent only.
  'configuration/list_agents': ['[].job_title', '[].summaries', '[].last_logout', '[].max_chats_count'],
  'configuration/list_auto_accesses': ['[].conditions.*', '[].description'],
  // The per-webhook filter lists are in spec/pushes-webhooks.json, not yet in the generated spec data
  // the simulator is built from.
  'configuration/list_webhook_names': ['[].filters', '[].additional_data'],
  'configuration/list_webhooks': ['[].description', '[].filters', '[].additional_data'],
  // Each day maps group ids (groups) or tag names (tags) to counts: keys that are data.
  'reports/groups': ['records{}.*'],
  'reports/tags': ['records{}.*'],
};

/** What every case may use: the simulator, its users, their sockets. */
interface World {
  sim: Simulator;
  /** The API version every request of this world is sent with. */
  version: string;
  owner: string;
  jones: string;
  customer: string;
  agentRtm: Rtm;
  customerRtm: Rtm;
  greetingId: number;
  call(api: Api, transport: Transport, action: string, payload?: object, as?: 'owner' | 'customer'): Promise<any>;
  /** A chat the owner started with the customer (both present), with one message of each. */
  fresh(): Promise<{ chat_id: string; thread_id: string; event_id: string; customer_event_id: string }>;
}

type Case = (w: World, transport: Transport) => Promise<unknown>;

const message = (text: string) => ({ type: 'message', text, visibility: 'all' });
const NS = 'shape_test';

const AGENT: Record<string, Case> = {
  add_user_to_chat: async (w, t) => {
    const c = await w.fresh();
    return w.call('agent', t, 'add_user_to_chat', {
      chat_id: c.chat_id,
      user_id: w.jones,
      user_type: 'agent',
      visibility: 'all',
    });
  },
  ban_customer: (w, t) => w.call('agent', t, 'ban_customer', { id: w.sim.createCustomer().id, ban: { days: 1 } }),
  deactivate_chat: async (w, t) => w.call('agent', t, 'deactivate_chat', { id: (await w.fresh()).chat_id }),
  delete_chat_properties: async (w, t) => {
    const { chat_id: id } = await w.fresh();
    await w.call('agent', 'web', 'update_chat_properties', { id, properties: { [NS]: { p: 1 } } });
    return w.call('agent', t, 'delete_chat_properties', { id, properties: { [NS]: ['p'] } });
  },
  delete_event_properties: async (w, t) => {
    const c = await w.fresh();
    const at = { chat_id: c.chat_id, thread_id: c.thread_id, event_id: c.event_id };
    await w.call('agent', 'web', 'update_event_properties', { ...at, properties: { [NS]: { p: 1 } } });
    return w.call('agent', t, 'delete_event_properties', { ...at, properties: { [NS]: ['p'] } });
  },
  delete_thread_properties: async (w, t) => {
    const c = await w.fresh();
    const at = { chat_id: c.chat_id, thread_id: c.thread_id };
    await w.call('agent', 'web', 'update_thread_properties', { ...at, properties: { [NS]: { p: 1 } } });
    return w.call('agent', t, 'delete_thread_properties', { ...at, properties: { [NS]: ['p'] } });
  },
  follow_chat: async (w, t) => w.call('agent', t, 'follow_chat', { id: (await w.fresh()).chat_id }),
  unfollow_chat: async (w, t) => w.call('agent', t, 'unfollow_chat', { id: (await w.fresh()).chat_id }),
  get_chat: async (w, t) => {
    const c = await w.fresh();
    return w.call('agent', t, 'get_chat', { chat_id: c.chat_id, thread_id: c.thread_id });
  },
  get_customer: (w, t) => w.call('agent', t, 'get_customer', { id: w.customer }),
  list_agents_for_transfer: async (w, t) =>
    w.call('agent', t, 'list_agents_for_transfer', { chat_id: (await w.fresh()).chat_id }),
  list_archives: (w, t) => w.call('agent', t, 'list_archives', { limit: 1 }),
  list_chats: (w, t) => w.call('agent', t, 'list_chats', { limit: 1 }),
  list_routing_statuses: (w, t) => w.call('agent', t, 'list_routing_statuses', {}),
  list_threads: async (w, t) => w.call('agent', t, 'list_threads', { chat_id: (await w.fresh()).chat_id }),
  login: async (w) => {
    const rtm = await Rtm.open(w.sim, 'agent', w.version);
    const login = await rtm.request('login', { token: `Bearer ${w.sim.agents[0]!.accessToken}` });
    rtm.close();
    return answer(login);
  },
  logout: async (w) => {
    const { rtm } = await Rtm.login(w.sim, 'agent', w.sim.agents[0]!.accessToken, {}, w.version);
    return answer(await rtm.request('logout', {}));
  },
  mark_events_as_seen: async (w, t) =>
    w.call('agent', t, 'mark_events_as_seen', {
      chat_id: (await w.fresh()).chat_id,
      seen_up_to: '2100-01-01T00:00:00.000000Z',
    }),
  multicast: (w, t) => w.call('agent', t, 'multicast', { recipients: { agents: { all: true } }, content: { a: 1 } }),
  remove_user_from_chat: async (w, t) => {
    const c = await w.fresh();
    await w.call('agent', 'web', 'add_user_to_chat', {
      chat_id: c.chat_id,
      user_id: w.jones,
      user_type: 'agent',
      visibility: 'all',
    });
    return w.call('agent', t, 'remove_user_from_chat', { chat_id: c.chat_id, user_id: w.jones, user_type: 'agent' });
  },
  request_thread_summary: async (w, t) => {
    const c = await w.fresh();
    return w.call('agent', t, 'request_thread_summary', { chat_id: c.chat_id, thread_id: c.thread_id });
  },
  resume_chat: async (w, t) => {
    const { chat_id } = await w.fresh();
    await w.call('agent', 'web', 'deactivate_chat', { id: chat_id });
    return w.call('agent', t, 'resume_chat', { chat: { id: chat_id } });
  },
  send_event: async (w, t) =>
    w.call('agent', t, 'send_event', { chat_id: (await w.fresh()).chat_id, event: message('hi') }),
  send_event_preview: async (w, t) =>
    w.call('agent', t, 'send_event_preview', {
      chat_id: (await w.fresh()).chat_id,
      event: { type: 'message', text: 'h' },
    }),
  send_rich_message_postback: async (w, t) => {
    const c = await w.fresh();
    const { event_id } = await w.call('agent', 'web', 'send_event', { chat_id: c.chat_id, event: RICH });
    return w.call('agent', t, 'send_rich_message_postback', {
      chat_id: c.chat_id,
      thread_id: c.thread_id,
      event_id,
      postback: { id: 'yes', toggled: true },
    });
  },
  send_thinking_indicator: async (w, t) =>
    w.call('agent', t, 'send_thinking_indicator', { chat_id: (await w.fresh()).chat_id }),
  send_typing_indicator: async (w, t) =>
    w.call('agent', t, 'send_typing_indicator', { chat_id: (await w.fresh()).chat_id, is_typing: true }),
  set_away_status: (w, t) => w.call('agent', t, 'set_away_status', { away: false }),
  set_routing_status: (w, t) => w.call('agent', t, 'set_routing_status', { status: 'accepting_chats' }),
  start_chat: (w, t) => w.call('agent', t, 'start_chat', { chat: { users: [{ id: w.customer, type: 'customer' }] } }),
  subscribe_customers: (w, t) => w.call('agent', t, 'subscribe_customers', { limit: 1 }),
  unsubscribe_customers: async (w, t) => {
    const { subscription_id } = await w.call('agent', t, 'subscribe_customers', {});
    return w.call('agent', t, 'unsubscribe_customers', { subscription_id });
  },
  tag_thread: async (w, t) => {
    const c = await w.fresh();
    return w.call('agent', t, 'tag_thread', { chat_id: c.chat_id, thread_id: c.thread_id, tag: 'vip' });
  },
  untag_thread: async (w, t) => {
    const c = await w.fresh();
    await w.call('agent', 'web', 'tag_thread', { chat_id: c.chat_id, thread_id: c.thread_id, tag: 'vip' });
    return w.call('agent', t, 'untag_thread', { chat_id: c.chat_id, thread_id: c.thread_id, tag: 'vip' });
  },
  transfer_chat: async (w, t) =>
    w.call('agent', t, 'transfer_chat', { id: (await w.fresh()).chat_id, target: { type: 'agent', ids: [w.jones] } }),
  update_chat_properties: async (w, t) =>
    w.call('agent', t, 'update_chat_properties', { id: (await w.fresh()).chat_id, properties: { [NS]: { p: 1 } } }),
  update_event_properties: async (w, t) => {
    const c = await w.fresh();
    return w.call('agent', t, 'update_event_properties', {
      chat_id: c.chat_id,
      thread_id: c.thread_id,
      event_id: c.event_id,
      properties: { [NS]: { p: 1 } },
    });
  },
  update_thread_properties: async (w, t) => {
    const c = await w.fresh();
    return w.call('agent', t, 'update_thread_properties', {
      chat_id: c.chat_id,
      thread_id: c.thread_id,
      properties: { [NS]: { p: 1 } },
    });
  },
  update_customer: (w, t) => w.call('agent', t, 'update_customer', { id: w.customer, name: 'Thomas Anderson' }),
  update_session: (w, t) => w.call('agent', t, 'update_session', { token: `Bearer ${w.sim.agents[0]!.accessToken}` }),
  upload_file: (w) => upload(w, 'agent'),
};

const RICH = {
  type: 'rich_message',
  template_id: 'quick_replies',
  elements: [{ title: 'Happy?', buttons: [{ text: 'Yes', type: 'message', value: 'yes', postback_id: 'yes' }] }],
};

const CUSTOMER: Record<string, Case> = {
  accept_greeting: (w, t) => {
    const unique_id = w.sim.showGreeting(w.customer, w.greetingId);
    return w.call('customer', t, 'accept_greeting', { greeting_id: w.greetingId, unique_id });
  },
  cancel_greeting: (w, t) =>
    w.call('customer', t, 'cancel_greeting', { unique_id: w.sim.showGreeting(w.customer, w.greetingId) }),
  send_greeting_button_clicked: (w, t) =>
    w.call('customer', t, 'send_greeting_button_clicked', {
      greeting_unique_id: w.sim.showGreeting(w.customer, w.greetingId),
      button_id: 'b1',
    }),
  deactivate_chat: async (w, t) => w.call('customer', t, 'deactivate_chat', { id: (await w.fresh()).chat_id }),
  delete_chat_properties: async (w, t) => {
    const { chat_id: id } = await w.fresh();
    await w.call('customer', 'web', 'update_chat_properties', { id, properties: { [NS]: { p: 1 } } });
    return w.call('customer', t, 'delete_chat_properties', { id, properties: { [NS]: ['p'] } });
  },
  delete_event: async (w, t) => {
    const c = await w.fresh();
    return w.call('customer', t, 'delete_event', {
      chat_id: c.chat_id,
      thread_id: c.thread_id,
      event_id: c.customer_event_id,
    });
  },
  delete_event_properties: async (w, t) => {
    const c = await w.fresh();
    const at = { chat_id: c.chat_id, thread_id: c.thread_id, event_id: c.customer_event_id };
    await w.call('customer', 'web', 'update_event_properties', { ...at, properties: { [NS]: { p: 1 } } });
    return w.call('customer', t, 'delete_event_properties', { ...at, properties: { [NS]: ['p'] } });
  },
  delete_thread_properties: async (w, t) => {
    const c = await w.fresh();
    const at = { chat_id: c.chat_id, thread_id: c.thread_id };
    await w.call('customer', 'web', 'update_thread_properties', { ...at, properties: { [NS]: { p: 1 } } });
    return w.call('customer', t, 'delete_thread_properties', { ...at, properties: { [NS]: ['p'] } });
  },
  get_chat: async (w, t) => {
    const c = await w.fresh();
    return w.call('customer', t, 'get_chat', { chat_id: c.chat_id, thread_id: c.thread_id });
  },
  get_configuration: (w) => w.call('customer', 'web', 'get_configuration', { group_id: '0', version: '1' }),
  get_customer: (w, t) => w.call('customer', t, 'get_customer', {}),
  get_dynamic_configuration: (w) => w.call('customer', 'web', 'get_dynamic_configuration', { group_id: '0' }),
  get_form: (w, t) => w.call('customer', t, 'get_form', { group_id: 0, type: 'prechat' }),
  get_localization: (w) =>
    w.call('customer', 'web', 'get_localization', { group_id: '0', language: 'en', version: '1' }),
  get_predicted_agent: (w, t) => w.call('customer', t, 'get_predicted_agent', {}),
  get_url_info: (w, t) => w.call('customer', t, 'get_url_info', { url: 'https://www.livechat.com' }),
  list_chats: async (w, t) => {
    await w.fresh();
    await w.fresh();
    return w.call('customer', t, 'list_chats', { limit: 1 });
  },
  list_group_properties: (w) => w.call('customer', 'web', 'list_group_properties', { id: '0' }),
  list_group_statuses: (w, t) => w.call('customer', t, 'list_group_statuses', { all: true }),
  list_license_properties: (w) => w.call('customer', 'web', 'list_license_properties', {}),
  list_threads: async (w, t) => w.call('customer', t, 'list_threads', { chat_id: (await w.fresh()).chat_id }),
  login: async (w) => {
    const rtm = await Rtm.open(w.sim, 'customer', w.version);
    const login = await rtm.request('login', { token: `Bearer ${w.sim.customer.accessToken}` });
    rtm.close();
    return answer(login);
  },
  request_welcome_message: (w, t) => w.call('customer', t, 'request_welcome_message', {}),
  resume_chat: async (w, t) => {
    const { chat_id } = await w.fresh();
    await w.call('customer', 'web', 'deactivate_chat', { id: chat_id });
    return w.call('customer', t, 'resume_chat', { chat: { id: chat_id } });
  },
  send_event: async (w, t) =>
    w.call('customer', t, 'send_event', { chat_id: (await w.fresh()).chat_id, event: message('hi') }),
  send_rich_message_postback: async (w, t) => {
    const c = await w.fresh();
    const { event_id } = await w.call('agent', 'web', 'send_event', { chat_id: c.chat_id, event: RICH });
    return w.call('customer', t, 'send_rich_message_postback', {
      chat_id: c.chat_id,
      thread_id: c.thread_id,
      event_id,
      postback: { id: 'yes', toggled: true },
    });
  },
  send_sneak_peek: async (w, t) =>
    w.call('customer', t, 'send_sneak_peek', { chat_id: (await w.fresh()).chat_id, sneak_peek_text: 'he' }),
  set_customer_session_fields: (w, t) =>
    w.call('customer', t, 'set_customer_session_fields', { session_fields: [{ a: 'b' }] }),
  start_chat: (w, t) => w.call('customer', t, 'start_chat', {}),
  update_chat_properties: async (w, t) =>
    w.call('customer', t, 'update_chat_properties', { id: (await w.fresh()).chat_id, properties: { [NS]: { p: 1 } } }),
  update_event_properties: async (w, t) => {
    const c = await w.fresh();
    return w.call('customer', t, 'update_event_properties', {
      chat_id: c.chat_id,
      thread_id: c.thread_id,
      event_id: c.customer_event_id,
      properties: { [NS]: { p: 1 } },
    });
  },
  update_thread_properties: async (w, t) => {
    const c = await w.fresh();
    return w.call('customer', t, 'update_thread_properties', {
      chat_id: c.chat_id,
      thread_id: c.thread_id,
      properties: { [NS]: { p: 1 } },
    });
  },
  update_customer: (w, t) => w.call('customer', t, 'update_customer', { name: 'Thomas Anderson' }),
  update_customer_page: (w, t) => w.call('customer', t, 'update_customer_page', { url: 'https://example.com/a' }),
  upload_file: (w) => upload(w, 'customer'),
};

const config =
  (action: string, payload: object = {}): Case =>
  (w) =>
    w.call('configuration', 'web', action, payload);

const CONFIGURATION: Record<string, Case> = {
  add_auto_access: config('add_auto_access', {
    access: { groups: [0] },
    conditions: { domain: { values: [{ value: 'a.com' }] } },
  }),
  check_product_limits_for_plan: config('check_product_limits_for_plan', { plan: 'starter' }),
  create_agent: (w) =>
    w.call('configuration', 'web', 'create_agent', { id: `new${Date.now()}@example.com`, name: 'New' }),
  create_bot: (w) => w.call('configuration', 'web', 'create_bot', { name: 'Bot', owner_client_id: w.sim.clientId }),
  create_bot_template: (w) =>
    w.call('configuration', 'web', 'create_bot_template', { name: 'T', owner_client_id: w.sim.clientId }),
  create_greeting: config('create_greeting', {
    type: 'normal',
    active: true,
    name: 'G',
    group: 0,
    rules: [{ condition: 'and', type: 'url_current', operator: 'contains', value: '/x' }],
  }),
  create_group: (w) =>
    w.call('configuration', 'web', 'create_group', { name: 'G', agent_priorities: { [w.owner]: 'normal' } }),
  get_agent: (w) => w.call('configuration', 'web', 'get_agent', { id: w.owner }),
  get_bot: (w) => w.call('configuration', 'web', 'get_bot', { id: w.sim.bot.id }),
  get_greeting: (w) => w.call('configuration', 'web', 'get_greeting', { id: w.greetingId }),
  get_group: config('get_group', { id: 0, fields: ['agent_priorities', 'routing_status'] }),
  get_license_webhooks_state: (w) =>
    w.call('configuration', 'web', 'get_license_webhooks_state', { owner_client_id: w.sim.clientId }),
  get_product_source: config('get_product_source'),
  issue_bot_token: async (w) => {
    const bot = await w.call('configuration', 'web', 'create_bot', { name: 'B', owner_client_id: w.sim.clientId });
    return w.call('configuration', 'web', 'issue_bot_token', {
      bot_id: bot.id,
      bot_secret: bot.secret,
      client_id: w.sim.clientId,
      organization_id: w.sim.organizationId,
    });
  },
  list_agents: config('list_agents', { fields: ['job_title', 'max_chats_count', 'last_logout'] }),
  list_auto_accesses: config('list_auto_accesses'),
  list_bot_templates: (w) => w.call('configuration', 'web', 'list_bot_templates', { owner_client_id: w.sim.clientId }),
  list_bots: config('list_bots', {}),
  list_channels: config('list_channels'),
  list_customer_bans: config('list_customer_bans'),
  // 3.7
  ban_customer: async (w) => {
    const { id } = w.sim.createCustomer();
    return w.call('configuration', 'web', 'ban_customer', { customer_id: id, seconds: 3600 });
  },
  add_allowed_domain: config('add_allowed_domain', { domain: 'example.com' }),
  list_allowed_domains: config('list_allowed_domains'),
  create_canned_response: config('create_canned_response', { text: 'Hello!', tags: ['greeting'], group_id: 0 }),
  update_canned_response: async (w) => {
    const { id } = await w.call('configuration', 'web', 'create_canned_response', { text: 'a', tags: [], group_id: 0 });
    return w.call('configuration', 'web', 'update_canned_response', { id, text: 'b' });
  },
  delete_canned_response: async (w) => {
    const { id } = await w.call('configuration', 'web', 'create_canned_response', { text: 'a', tags: [], group_id: 0 });
    return w.call('configuration', 'web', 'delete_canned_response', { id });
  },
  list_canned_responses: async (w) => {
    for (const text of ['a', 'b']) {
      await w.call('configuration', 'web', 'create_canned_response', { text, tags: ['t'], group_id: 0 });
    }
    return w.call('configuration', 'web', 'list_canned_responses', { limit: 1 });
  },
  update_translations: config('update_translations', {
    group_id: 0,
    language: 'en',
    phrases: { Welcome_title: 'Welcome to chat' },
  }),
  list_translations: async (w) => {
    const phrases = { Welcome_title: 'Welcome to chat', Client: 'Customer' };
    await w.call('configuration', 'web', 'update_translations', { group_id: 0, language: 'en', phrases });
    return w.call('configuration', 'web', 'list_translations', { group_id: 0, language: 'en' });
  },
  list_greetings: config('list_greetings'),
  list_groups: config('list_groups', { fields: ['routing_status'] }),
  list_groups_properties: config('list_groups_properties', { group_ids: [0] }),
  list_license_properties: config('list_license_properties'),
  list_properties: (w) => w.call('configuration', 'web', 'list_properties', { owner_client_id: w.sim.clientId }),
  list_tags: config('list_tags'),
  list_webhook_names: config('list_webhook_names'),
  list_webhooks: (w) => w.call('configuration', 'web', 'list_webhooks', { owner_client_id: w.sim.clientId }),
  register_webhook: (w) =>
    w.call('configuration', 'web', 'register_webhook', {
      action: 'chat_deactivated',
      url: 'http://127.0.0.1:9/hook',
      secret_key: 's',
      owner_client_id: w.sim.clientId,
      type: 'license',
    }),
  reset_bot_secret: (w) =>
    w.call('configuration', 'web', 'reset_bot_secret', { id: w.sim.bot.id, owner_client_id: w.sim.clientId }),
  reset_bot_template_secret: async (w) => {
    const { id } = await w.call('configuration', 'web', 'create_bot_template', {
      name: 'T',
      owner_client_id: w.sim.clientId,
    });
    return w.call('configuration', 'web', 'reset_bot_template_secret', { id, owner_client_id: w.sim.clientId });
  },
  unban_customer: async (w) => {
    const id = w.sim.createCustomer().id;
    await w.call('agent', 'web', 'ban_customer', { id, ban: { days: 1 } });
    return w.call('configuration', 'web', 'unban_customer', { customer_id: id });
  },
  update_group_properties: config('update_group_properties', { group_id: 0, properties: { [NS]: { p: 'v' } } }),
  update_license_properties: config('update_license_properties', { properties: { [NS]: { p: 'v' } } }),
};

/** Reports by the action name the docs use (`availability`), which is the last part of the URL. */
const reportCase: Case = () => Promise.resolve(undefined);

const CASES: Record<string, Record<string, Case>> = { agent: AGENT, customer: CUSTOMER, configuration: CONFIGURATION };

function answer(frame: Frame): unknown {
  if (!frame.success) throw new Error(`${frame.action}: ${JSON.stringify(frame.payload)}`);
  return frame.payload;
}

async function upload(w: World, api: 'agent' | 'customer'): Promise<unknown> {
  const form = new FormData();
  form.set('file', new Blob(['hello']), 'hello.txt');
  const token = api === 'agent' ? w.sim.agents[0]!.accessToken : w.sim.customer.accessToken;
  const res = await web(w.sim, api, 'upload_file', undefined, { token, body: form, version: w.version });
  if (res.status !== 200) throw new Error(`upload_file: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function report(w: World, action: string): Promise<unknown> {
  const key = Object.keys(METHODS.reports).find((k) => k.endsWith(`/${action}`));
  if (!key) throw new Error(`no report ${action}`);
  const res = await fetch(`${w.sim.url}/v${w.version}/reports/${key}`, {
    method: 'POST',
    headers: { authorization: `Basic ${w.sim.agents[0]!.basicAuth}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${key}: ${JSON.stringify(body)}`);
  return body;
}

async function makeWorld(version: string): Promise<World> {
  // The sockets opened here serve the whole file: no idle timeout may close them between their uses.
  const sim = await startSimulator({ port: 0, idleTimeout: 3_600_000 });
  const [owner, jones] = sim.agents;
  const basic = owner!.basicAuth;
  for (const agent of [owner!, jones!]) {
    await web(sim, 'configuration', 'update_agent', { id: agent.id, max_chats_count: 20 }, { basic });
  }
  const { rtm: agentRtm } = await Rtm.login(sim, 'agent', owner!.accessToken, {}, version);
  await Rtm.login(sim, 'agent', jones!.accessToken, {}, version);
  const { rtm: customerRtm } = await Rtm.login(sim, 'customer', sim.customer.accessToken, {}, version);
  await web(sim, 'configuration', 'create_tag', { name: 'vip' }, { basic });
  const greeting = await web(
    sim,
    'configuration',
    'create_greeting',
    {
      type: 'normal',
      active: true,
      name: 'Welcome greeting',
      group: 0,
      rules: [{ condition: 'and', type: 'visit_time_site', operator: 'greater_than', value: '10' }],
      properties: { 'greeting-message_text': 'Hello! How can I help you today?' },
      rich_message: {
        template_id: 'cards',
        elements: [
          {
            title: 'Welcome!',
            subtitle: 'How can we help?',
            buttons: [{ text: 'Support', type: 'message', value: 'support', postback_id: 'support', button_id: 'b1' }],
          },
        ],
      },
    },
    { basic },
  );
  const call: World['call'] = async (api, transport, action, payload = {}) => {
    if (transport === 'rtm') return answer(await (api === 'agent' ? agentRtm : customerRtm).request(action, payload));
    const options =
      api === 'configuration'
        ? { basic, version }
        : { token: api === 'agent' ? owner!.accessToken : sim.customer.accessToken, version };
    const get = api === 'customer' && METHODS.customer[action]?.http === 'GET';
    const res = get
      ? await web(sim, 'customer', action, undefined, {
          method: 'GET',
          query: payload as Record<string, string>,
          version,
        })
      : await web(sim, api as 'agent', action, payload, options);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const fresh: World['fresh'] = async () => {
    const started = await call('agent', 'web', 'start_chat', {
      chat: { users: [{ id: sim.customer.id, type: 'customer' }], thread: { events: [message('Hello')] } },
    });
    const sent = await call('customer', 'web', 'send_event', { chat_id: started.chat_id, event: message('Hi') });
    return {
      chat_id: started.chat_id,
      thread_id: started.thread_id,
      event_id: started.event_ids[0],
      customer_event_id: sent.event_id,
    };
  };
  return {
    sim,
    version,
    owner: owner!.id,
    jones: jones!.id,
    customer: sim.customer.id,
    agentRtm,
    customerRtm,
    greetingId: greeting.body.id,
    call,
    fresh,
  };
}

for (const version of ['3.6', '3.7']) {
  const samples = responses.filter((s) => s.version === version);
  describe.skipIf(samples.length === 0)(`answers have the keys of the docs response samples (${version})`, () => {
    let world: World;
    beforeAll(async () => {
      world = await makeWorld(version);
    });
    afterAll(() => world?.sim.close());

    for (const s of samples) {
      const transport = s.transport ?? 'web';
      it(`${s.api} ${s.action} (${transport})`, async () => {
        const run = s.api === 'reports' ? undefined : CASES[s.api]?.[s.action];
        if (s.api !== 'reports' && !run) throw new Error(`no request for ${s.api} ${s.action}: add one to the cases`);
        const actual = s.api === 'reports' ? await report(world, s.action) : await run!(world, transport);
        const sample = transport === 'rtm' && isFrame(s.sample) ? s.sample.payload : s.sample;
        const key = `${s.api}/${s.action}`;
        // Property answers are `{ <namespace>: { <name>: <value> } }`: nothing but their being objects to compare.
        if (FREE_FORM_ANSWERS.has(key)) return void expect(actual).toBeTypeOf('object');
        const optional = [...(OPTIONAL[key] ?? []), ...(version === '3.7' ? (OPTIONAL_37[key] ?? []) : [])];
        expect(
          shapeDiff(sample, actual, { optional, dataKeyed: DATA_KEYED_ANSWERS.has(key) }),
          `${key} ${version} (${s.source})`,
        ).toEqual([]);
      });
    }
  });
}

/** 3.7: the optional fields of OPTIONAL under the renamed list (`chats_info[].last_thread_info`), and the new reports'. */
const OPTIONAL_37: Record<string, readonly string[]> = {
  'agent/login': [
    'chats_info[].last_thread_info.active',
    'chats_info[].last_thread_info.access',
    'chats_info[].is_followed',
    'chats_info[].properties',
  ],
  'customer/list_chats': under('chats_info[].users[].', USER),
  // `request` echoes the request: the case sends none of the sample's parameters.
  'reports/abandoned_carts': ['request.*'],
  // Keyed by the referring domains of page views, which the simulator does not track (README).
  'reports/visitor_domains': ['summary.*'],
};

/** Answers keyed by data at the top level: property names (each a definition), phrase names. */
const DATA_KEYED_ANSWERS = new Set(['configuration/list_properties', 'customer/get_localization']);
const FREE_FORM_ANSWERS = new Set([
  'configuration/list_license_properties',
  'customer/list_license_properties',
  'customer/list_group_properties',
]);

function isFrame(value: unknown): value is { payload: unknown } {
  return typeof value === 'object' && value !== null && 'payload' in value && 'action' in value;
}

void reportCase;
