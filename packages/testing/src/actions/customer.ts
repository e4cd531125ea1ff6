// Customer Chat API (Web + RTM).
import type { RequestContext } from '../context.js';
import type { HandlerTable } from '../dispatch.js';
import { invalid, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { chatList, customerChatSummary, customerRecordView } from '../serialize.js';
import type { Properties } from '../store.js';
import { clone, uuid } from '../util.js';
import {
  deleteProperties,
  getChat,
  listThreads,
  markEventsAsSeen,
  sendRichMessagePostback,
  updateProperties,
  withPageIds,
} from './chats.js';
import { applyCustomerUpdate } from './customer-fields.js';
import { visitPage } from './customer-pages.js';
import { customerExtraHandlers, surveyForm } from './customer-extras.js';
import { greetingCustomerHandlers } from './greetings.js';
import { loginCustomer } from './login.js';
import { pickAgent } from '../routing.js';
import { deactivateChat, resumeChat, sendEvent, startChat } from '../chat-operations.js';
import { uploadFile } from '../uploads.js';
import { customerUpdated } from '../customer-updates.js';

type Payload = Record<string, unknown>;

function customerOf(ctx: RequestContext, p: Platform) {
  return p.customer(p.requester(ctx).id);
}

function listChats(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const customer = customerOf(ctx, p);
  const request = { owner: `customer/list_chats/${customer.id}`, payload, defaultLimit: 10, maxLimit: 25 };
  const resolved = p.pager.resolve(request);
  let chats = [...p.store.chats.values()].filter((c) => c.users.has(customer.id));
  chats.sort((a, b) =>
    (a.threads.at(-1)?.created_at ?? a.created_at).localeCompare(b.threads.at(-1)?.created_at ?? b.created_at),
  );
  if (resolved.params.sort_order !== 'asc') chats = chats.reverse();
  const page = p.pager.page(request, resolved, chats);
  return withPageIds(
    {
      ...chatList(
        ctx.version,
        page.items.map((c) => customerChatSummary(p.store, c)),
      ),
      total_chats: page.total,
    },
    page,
  );
}

function sendSneakPeek(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const me = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = p.lastThread(chat);
  if (!thread?.active) throw new SimError('chat_inactive', `Chat ${chat.id} is not active`);
  if (typeof payload.sneak_peek_text !== 'string')
    throw invalid('Wrong format of request: "sneak_peek_text" must be a string');
  const agents = [...p.recipients(chat)].filter((id) => p.store.agents.has(id));
  const body = {
    chat_id: chat.id,
    thread_id: thread.id,
    sneak_peek: { author_id: me.id, text: payload.sneak_peek_text, timestamp: Math.floor(Date.now() / 1000) },
  };
  p.emitChat(ctx, chat, 'incoming_sneak_peek', () => body, { only: agents });
  return {};
}

function deleteEvent(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const me = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = p.thread(chat, payload.thread_id);
  const index = thread.events.findIndex((e) => e.id === payload.event_id);
  if (index < 0) throw new SimError('not_found', `Event ${JSON.stringify(payload.event_id)} not found`);
  if (thread.events[index]!.author_id !== me.id)
    throw new SimError('authorization', 'Customers can delete only their own events');
  thread.events.splice(index, 1);
  const body = { chat_id: chat.id, thread_id: thread.id, event_id: payload.event_id };
  p.emitChat(ctx, chat, 'event_deleted', () => body, { webhook: body });
  return {};
}

function updateCustomer(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const customer = customerOf(ctx, p);
  const changed = applyCustomerUpdate(customer, payload);
  customerUpdated(p, ctx, customer, changed.includes('session_fields'));
  return {};
}

function setSessionFields(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const customer = customerOf(ctx, p);
  applyCustomerUpdate(customer, { session_fields: payload.session_fields });
  customerUpdated(p, ctx, customer, true);
  return {};
}

function groupStatus(p: Platform, groupId: number): 'online' | 'offline' | 'online_for_queue' {
  if (pickAgent(p, [groupId])) return 'online';
  const anyoneOnline = [...p.store.agents.values()].some(
    (a) => a.status !== 'offline' && a.groups.some((g) => g.id === groupId),
  );
  return anyoneOnline ? 'online_for_queue' : 'offline';
}

function listGroupStatuses(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const ids =
    payload.all === true || !Array.isArray(payload.group_ids)
      ? [...p.store.groups.keys()]
      : payload.group_ids.filter((id) => p.store.groups.has(id));
  const groups_status: Record<string, string> = {};
  for (const id of ids as number[]) groups_status[String(id)] = groupStatus(p, id);
  return { groups_status };
}

function onlineGroupIds(p: Platform): number[] {
  return [...p.store.groups.keys()].filter((id) => groupStatus(p, id) === 'online');
}

function groupIdParam(p: Platform, value: unknown, field: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const id = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isInteger(id))
    throw invalid(`Wrong format of request: "${field}" must be a group id`);
  if (!p.store.groups.has(id)) throw new SimError('group_not_found', `Group ${id} not found`);
  return id;
}

function getDynamicConfiguration(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const groupId = groupIdParam(p, payload.group_id, 'group_id', 0);
  return {
    organization_id: p.store.organizationId,
    default_widget: 'livechat',
    livechat_active: true,
    livechat: {
      group_id: groupId,
      client_limit_exceeded: false,
      domain_allowed: true,
      online_group_ids: onlineGroupIds(p),
      config_version: 'sim-config-1',
      localization_version: 'sim-localization-1',
      language: p.store.groups.get(groupId)!.language_code,
    },
  };
}

function getConfiguration(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const groupId = groupIdParam(p, payload.group_id, 'group_id');
  return {
    buttons: [{ id: 'sim-button', type: 'text', online_value: 'Live chat now', offline_value: 'Leave us a message' }],
    ticket_form: surveyForm(groupId, 'ticket'),
    prechat_form: surveyForm(groupId, 'prechat'),
    integrations: {},
    properties: { group: clone(p.store.groups.get(groupId)!.properties), license: clone(p.store.licenseProperties) },
  };
}

function getLocalization(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  groupIdParam(p, payload.group_id, 'group_id');
  return {
    Agents_currently_not_available: 'Our agents are not available at the moment.',
    Chat_with_us: 'Chat with us',
    Type_your_message: 'Type a message…',
    Welcome_title: 'Welcome! How can we help?',
  };
}

/** Properties narrowed to `namespace` / `name` query parameters. */
function pick(props: Properties, payload: Payload): Properties {
  const out: Properties = {};
  for (const [ns, values] of Object.entries(props)) {
    if (typeof payload.namespace === 'string' && ns !== payload.namespace) continue;
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
      if (typeof payload.name === 'string' && name !== payload.name) continue;
      kept[name] = value;
    }
    if (Object.keys(kept).length) out[ns] = kept;
  }
  return clone(out);
}

function predicted(p: Platform, groupId: number) {
  const agent = pickAgent(p, [groupId]);
  if (!agent) return { agent: undefined, info: undefined };
  const info: Record<string, unknown> = {
    id: agent.id,
    name: agent.name,
    avatar: agent.avatar,
    is_bot: agent.isBot,
    type: 'agent',
  };
  info.job_title = agent.jobTitle ?? '';
  return { agent, info };
}

function getPredictedAgent(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const { info } = predicted(p, payload.group_id !== undefined ? groupIdParam(p, payload.group_id, 'group_id') : 0);
  if (!info) throw new SimError('groups_offline', 'No agent is accepting chats');
  return { agent: info, queue: false };
}

function requestWelcomeMessage(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const me = p.requester(ctx);
  const { agent, info } = predicted(
    p,
    payload.group_id !== undefined ? groupIdParam(p, payload.group_id, 'group_id') : 0,
  );
  if (!agent) throw new SimError('groups_offline', 'No agent is accepting chats');
  const id = typeof payload.id === 'string' ? payload.id : uuid();
  const event = {
    created_at: p.store.clock.timestamp(),
    type: 'message',
    text: 'Welcome! How can I help you today?',
    author_id: agent.id,
  };
  ctx.after(() => p.hub.push([me.id], 'incoming_welcome_message', () => ({ id, event }), ctx.origin));
  return { id, predicted_agent: info, queue: false };
}

function updateCustomerPage(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const customer = customerOf(ctx, p);
  if (typeof payload.url !== 'string') throw invalid('Wrong format of request: "url" must be a string');
  visitPage(ctx, p, customer, { url: payload.url, title: payload.title });
  // The RTM reference's sample answers the statuses of the customer's groups; the Web one answers nothing.
  if (ctx.transport === 'web') return {};
  return { groups: p.tracking.groupsOf(customer.id).map((id) => ({ id, status: groupStatus(p, id) })) };
}

export const customerHandlers: HandlerTable = {
  handlers: {
    login: loginCustomer,
    list_chats: listChats,
    list_threads: listThreads,
    get_chat: getChat,
    start_chat: (ctx, payload, p) => startChat(p, ctx, payload),
    resume_chat: (ctx, payload, p) => resumeChat(p, ctx, payload),
    deactivate_chat: (ctx, payload, p) => deactivateChat(p, ctx, payload),
    send_event: (ctx, payload, p) => sendEvent(p, ctx, payload),
    delete_event: deleteEvent,
    upload_file: (_ctx, payload, p) => uploadFile(p, payload),
    send_rich_message_postback: sendRichMessagePostback,
    send_sneak_peek: sendSneakPeek,
    update_chat_properties: updateProperties('chat'),
    delete_chat_properties: deleteProperties('chat'),
    update_thread_properties: updateProperties('thread'),
    delete_thread_properties: deleteProperties('thread'),
    update_event_properties: updateProperties('event'),
    delete_event_properties: deleteProperties('event'),
    update_customer: updateCustomer,
    set_customer_session_fields: setSessionFields,
    get_customer: (ctx, _payload, p) => customerRecordView(p.store, customerOf(ctx, p), 'customer'),
    list_group_statuses: listGroupStatuses,
    mark_events_as_seen: markEventsAsSeen,
    get_dynamic_configuration: getDynamicConfiguration,
    get_configuration: getConfiguration,
    get_localization: getLocalization,
    list_license_properties: (_ctx, payload, p) => pick(p.store.licenseProperties, payload),
    list_group_properties: (_ctx, payload, p) =>
      pick(p.store.groups.get(groupIdParam(p, payload.id, 'id'))!.properties, payload),
    get_predicted_agent: getPredictedAgent,
    request_welcome_message: requestWelcomeMessage,
    update_customer_page: updateCustomerPage,
    ...greetingCustomerHandlers,
    ...customerExtraHandlers,
  },
  noAuth: new Set([
    'list_license_properties',
    'list_group_properties',
    'get_dynamic_configuration',
    'get_configuration',
    'get_localization',
  ]),
};
