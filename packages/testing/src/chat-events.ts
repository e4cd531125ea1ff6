// Chat events: checking a request's event, storing it, and telling the chat's users and webhooks.
import type { RequestContext } from './context.js';
import { invalid } from './errors.js';
import type { Platform } from './platform.js';
import { assertProperties } from './properties.js';
import { eventView } from './serialize.js';
import type { ChatRecord, EventRecord, ThreadRecord } from './store.js';
import { clone, isObject } from './util.js';

/** Checks a request's `event` against what the docs require; throws `validation`. */
export function checkEvent(input: unknown, side: 'agent' | 'customer', field = 'event'): Record<string, unknown> {
  if (!isObject(input)) throw invalid(`Wrong format of request: "${field}" must be an object`);
  const type = input.type;
  if (typeof type !== 'string') throw invalid(`Wrong format of request: "${field}.type" is required`);
  const allowed =
    side === 'agent'
      ? ['message', 'system_message', 'file', 'rich_message', 'custom', 'filled_form']
      : ['message', 'file', 'rich_message', 'custom', 'filled_form'];
  if (!allowed.includes(type)) {
    throw invalid(`Wrong format of request: "${field}.type" must be one of ${allowed.join(', ')} (got "${type}")`);
  }
  const need = (name: string) => {
    if (typeof input[name] !== 'string' || input[name] === '') {
      throw invalid(`Wrong format of request: "${field}.${name}" is required for a ${type} event`);
    }
  };
  if (type === 'message' || type === 'system_message') need('text');
  if (type === 'file') need('url');
  if (type === 'rich_message') need('template_id');
  const visibility = input.visibility ?? 'all';
  if (visibility !== 'all' && visibility !== 'agents')
    throw invalid(`Wrong format of request: "${field}.visibility" must be "all" or "agents"`);
  if (side === 'customer' && visibility !== 'all')
    throw invalid('Wrong format of request: customers can only send "visibility": "all"');
  if (input.properties !== undefined) assertProperties(input.properties, `${field}.properties`);
  return input;
}

/** A stored event made of a checked request `event` (see {@link checkEvent}). */
export function makeEvent(
  p: Platform,
  thread: ThreadRecord,
  input: Record<string, unknown>,
  authorId: string,
): EventRecord {
  const { id: _id, created_at: _createdAt, author_id: _authorId, type, visibility, ...rest } = clone(input);
  const event: EventRecord = {
    id: `${thread.id}_${++thread.eventSeq}`,
    created_at: p.store.clock.timestamp(),
    visibility: (visibility as string | undefined) ?? 'all',
    type: type as string,
    ...rest,
    author_id: authorId,
  };
  if (event.type === 'file') describeFile(p, event);
  return event;
}

function describeFile(p: Platform, event: EventRecord): void {
  const url = String(event.url);
  const prefix = `${p.baseUrl}/files/`;
  if (!url.startsWith(prefix)) return;
  const id = url.slice(prefix.length).split('/')[0] ?? '';
  const file = p.store.files.get(id);
  if (!file) return;
  event.name ??= file.name;
  event.content_type ??= file.contentType;
  event.size ??= file.data.byteLength;
}

/** Adds an event to a thread and tells everyone in the chat (and the `incoming_event` webhooks). */
export function addEvent(
  p: Platform,
  ctx: RequestContext,
  chat: ChatRecord,
  thread: ThreadRecord,
  event: EventRecord,
  authorType: 'agent' | 'customer' | undefined,
): void {
  thread.events.push(event);
  if (event.author_id) {
    const u = chat.users.get(event.author_id);
    if (u) u.events_seen_up_to = event.created_at;
  }
  p.emitChat(
    ctx,
    chat,
    'incoming_event',
    (view) => {
      const e = eventView(event, view);
      return e && { chat_id: chat.id, thread_id: thread.id, event: e };
    },
    { webhook: { chat_id: chat.id, thread_id: thread.id, event: eventView(event, 'agent') }, authorType },
  );
}

export function systemMessage(
  p: Platform,
  _chat: ChatRecord,
  thread: ThreadRecord,
  text: string,
  systemType: string,
): EventRecord {
  return {
    id: `${thread.id}_${++thread.eventSeq}`,
    created_at: p.store.clock.timestamp(),
    type: 'system_message',
    visibility: 'all',
    text,
    system_message_type: systemType,
  };
}
