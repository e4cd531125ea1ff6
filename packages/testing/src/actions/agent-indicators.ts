// Agent Chat API indicators: typing, thinking and event previews (pushed, never stored).
import type { RequestContext } from '../context.js';
import { invalid } from '../errors.js';
import type { Platform } from '../platform.js';
import { eventView } from '../serialize.js';
import { activeThread } from './agent-common.js';
import { checkEvent, makeEvent } from '../chat-events.js';

type Payload = Record<string, unknown>;

export function sendTypingIndicator(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = activeThread(p, chat);
  if (typeof payload.is_typing !== 'boolean') throw invalid('Wrong format of request: "is_typing" must be a boolean');
  const visibility = payload.visibility ?? 'all';
  if (visibility !== 'all' && visibility !== 'agents')
    throw invalid('Wrong format of request: "visibility" must be "all" or "agents"');
  const timestamp = Math.floor(Date.now() / 1000);
  const others = [...p.recipients(chat)].filter(
    (id) => id !== requester.id && (visibility === 'all' || p.store.agents.has(id)),
  );
  p.emitChat(
    ctx,
    chat,
    'incoming_typing_indicator',
    (view) => ({
      chat_id: chat.id,
      thread_id: thread.id,
      typing_indicator:
        view === 'agent'
          ? { author_id: requester.id, visibility, timestamp, is_typing: payload.is_typing }
          : { author_id: requester.id, recipients: visibility, timestamp, is_typing: payload.is_typing },
    }),
    { only: others },
  );
  return {};
}

export function sendThinkingIndicator(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  const thread = activeThread(p, chat);
  const body: Record<string, unknown> = {
    chat_id: chat.id,
    thread_id: thread.id,
    author_id: requester.id,
    sent_at: p.store.clock.timestamp(),
  };
  for (const k of ['title', 'description', 'custom_id']) if (typeof payload[k] === 'string') body[k] = payload[k];
  p.emitChat(ctx, chat, 'incoming_thinking_indicator', () => body, {
    only: [...p.recipients(chat)].filter((id) => id !== requester.id),
  });
  return {};
}

export function sendEventPreview(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const requester = p.requester(ctx);
  const chat = p.chat(ctx, payload.chat_id);
  p.assertPresent(chat, requester);
  const thread = activeThread(p, chat);
  const input = checkEvent(payload.event, 'agent');
  if (input.type !== 'message')
    throw invalid('Wrong format of request: "event.type" must be "message" for an event preview');
  if ((input.visibility ?? 'all') !== 'all')
    throw invalid('Wrong format of request: "event.visibility" must be "all" for an event preview');
  const event = {
    ...makeEvent(p, { ...thread, eventSeq: thread.eventSeq }, input, requester.id),
    id: `${thread.id}_preview`,
  };
  const customers = [...p.recipients(chat)].filter((id) => p.store.customers.has(id));
  p.emitChat(
    ctx,
    chat,
    'incoming_event_preview',
    (view) => ({ chat_id: chat.id, thread_id: thread.id, event: eventView(event, view) }),
    {
      only: customers,
    },
  );
  return {};
}
