// The simulated platform: state, routing, and the chat operations both Chat APIs share.
import { Auth, type Principal } from './auth.js';
import type { CartRecord } from './carts.js';
import { type RequestContext, systemContext } from './context.js';
import { invalid, notFound, SimError } from './errors.js';
import { Faults } from './faults.js';
import type { ResolvedOptions } from './options.js';
import { Pager } from './pagination.js';
import { type Connection, Hub, type View } from './rtm/connection.js';
import { agentUserView, chatView, customerUpdatedPayload, eventView } from './serialize.js';
import type { ApiName, Transport } from './spec.js';
import {
  type AgentRecord,
  type ChatRecord,
  type CustomerRecord,
  type EventRecord,
  type Properties,
  type RoutingStatus,
  Store,
  type ThreadRecord,
} from './store.js';
import { CustomerTracking } from './tracking.js';
import { clone, hexId, isObject, ownValue, platformId, secret, setOwn } from './util.js';
import { WebhookDispatcher } from './webhooks.js';

/** One request as the request log keeps it. */
export interface RequestLogEntry {
  seq: number;
  at: string;
  api: ApiName;
  transport: Transport;
  version: string;
  action: string;
  /** Who sent it, once known (never the token). */
  principal?: { kind: 'agent' | 'customer'; id: string } | undefined;
  /** The payload as received; token fields are redacted, files summarised. */
  payload: unknown;
  requestId?: string | undefined;
  /** Undefined while the request is pending. */
  ok?: boolean;
  error?: { type: string; message: string };
}

/** The longest delay `setTimeout` takes (longer ones fire at once); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const PRIORITY_RANK: Record<string, number> = { first: 0, normal: 1, last: 2 };
const FILE_LIMIT = 10 * 1024 * 1024;

export class Platform {
  readonly store: Store;
  readonly auth: Auth;
  readonly hub = new Hub();
  readonly pager = new Pager();
  readonly faults = new Faults();
  readonly webhooks: WebhookDispatcher;
  readonly tracking = new CustomerTracking(this);
  readonly requestLog: RequestLogEntry[] = [];
  readonly clientId = hexId(32);
  readonly clientSecret = secret(24);
  /** Aborted on close: cuts every artificial delay short. */
  readonly closing = new AbortController();
  baseUrl = '';
  private logSeq = 0;

  constructor(readonly options: ResolvedOptions) {
    this.store = new Store(options.organizationId, 10_000_001, 'Simulated Organization');
    this.auth = new Auth(options.tokenTtl, options.region);
    this.webhooks = new WebhookDispatcher(this.store, options.webhookTimeout, options.logger);
    this.auth.onTokenEnd((token, how) => {
      for (const conn of this.hub.connections) {
        if (conn.token === token)
          this.disconnectSocket(conn, how === 'revoked' ? 'access_token_revoked' : 'access_token_expired');
      }
    });
  }

  log(line: string): void {
    this.options.logger(line);
  }

  // ---------------------------------------------------------------- request log

  logRequest(entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.logSeq, at: new Date().toISOString(), ...entry };
    this.requestLog.push(full);
    while (this.requestLog.length > this.options.requestLogLimit) this.requestLog.shift();
    return full;
  }

  // ---------------------------------------------------------------- RTM sockets

  /** Sends `<api>_disconnected` with `reason`, then closes the socket. */
  disconnectSocket(conn: Connection, reason: string, data?: unknown): void {
    if (conn.closed) return;
    const payload: Record<string, unknown> = { reason };
    if (data !== undefined) payload.data = data;
    conn.push(`${conn.api}_disconnected`, payload);
    conn.clearTimers();
    conn.ws.close(1000, reason.slice(0, 120));
    this.log(`${conn.api} socket ${conn.id} disconnected: ${reason}`);
  }

  /**
   * Ties a socket to `token` (its login token, or the one `update_session` swapped in): the socket is
   * disconnected with `access_token_expired` when the token expires, and when it is expired or revoked
   * on purpose (see the listener in the constructor).
   */
  bindToken(conn: Connection, token: string): void {
    conn.token = token;
    clearTimeout(conn.tokenTimer);
    conn.tokenTimer = undefined;
    const check = () => {
      if (conn.closed || conn.token !== token) return;
      const expiresAt = this.auth.expiresAt(token);
      if (expiresAt === undefined) return this.disconnectSocket(conn, 'access_token_revoked');
      const wait = expiresAt - Date.now();
      if (wait <= 0) return this.disconnectSocket(conn, 'access_token_expired');
      conn.tokenTimer = setTimeout(check, Math.min(wait, MAX_TIMER_MS));
    };
    check();
  }

  // ---------------------------------------------------------------- lookups

  agent(id: unknown): AgentRecord {
    const a = typeof id === 'string' ? this.store.agents.get(id) : undefined;
    if (!a) throw notFound('Agent', id);
    return a;
  }

  customer(id: unknown): CustomerRecord {
    const c = typeof id === 'string' ? this.store.customers.get(id) : undefined;
    if (!c) throw notFound('Customer', id);
    return c;
  }

  /** A chat the requester may see (customers see only their own chats). */
  chat(ctx: RequestContext, id: unknown): ChatRecord {
    if (typeof id !== 'string') throw invalid('Wrong format of request: chat id must be a string');
    const chat = this.store.chats.get(id);
    if (!chat || (ctx.principal?.kind === 'customer' && !chat.users.has(ctx.principal.id))) throw notFound('Chat', id);
    return chat;
  }

  thread(chat: ChatRecord, id: unknown): ThreadRecord {
    const t = chat.threads.find((th) => th.id === id);
    if (!t) throw notFound('Thread', id);
    return t;
  }

  lastThread(chat: ChatRecord): ThreadRecord | undefined {
    return chat.threads.at(-1);
  }

  requester(ctx: RequestContext): Principal {
    if (!ctx.principal) throw new SimError('authentication', 'Not authorized');
    return ctx.principal;
  }

  /** Present users of a chat (push recipients), plus its followers. */
  recipients(chat: ChatRecord, extra: Iterable<string> = []): Set<string> {
    const out = new Set<string>(extra);
    for (const [id, u] of chat.users) if (u.present) out.add(id);
    for (const id of chat.followers) out.add(id);
    return out;
  }

  /** Pushes to the chat's users after the response, and fires the matching webhook. */
  emitChat(
    ctx: RequestContext,
    chat: ChatRecord,
    action: string,
    build: (view: View) => unknown,
    options: {
      webhook?: unknown;
      extra?: Iterable<string>;
      authorType?: 'agent' | 'customer' | undefined;
      only?: Iterable<string>;
    } = {},
  ): void {
    const recipients = options.only ? new Set(options.only) : this.recipients(chat, options.extra);
    ctx.after(() => {
      this.hub.push(recipients, action, build, ctx.origin);
      if (options.webhook !== undefined)
        this.webhooks.fire(action, options.webhook, { chat, authorType: options.authorType });
    });
  }

  // ---------------------------------------------------------------- routing

  activeChats(agentId: string): number {
    let n = 0;
    for (const chat of this.store.chats.values()) {
      if (chat.users.get(agentId)?.present && this.lastThread(chat)?.active) n++;
    }
    return n;
  }

  /** The agent or bot a chat in `groupIds` would be routed to now, if any. */
  pickAgent(groupIds: number[], exclude: Set<string> = new Set()): AgentRecord | undefined {
    const candidates: { agent: AgentRecord; rank: number; load: number }[] = [];
    for (const agent of this.store.agents.values()) {
      if (exclude.has(agent.id) || agent.suspended || agent.status !== 'accepting_chats') continue;
      const memberships = agent.groups.filter((g) => groupIds.includes(g.id) && g.priority !== 'supervisor');
      if (!memberships.length) continue;
      const load = this.activeChats(agent.id);
      if (load >= agent.maxChats) continue;
      const rank = Math.min(...memberships.map((g) => PRIORITY_RANK[g.priority] ?? 1));
      candidates.push({ agent, rank, load });
    }
    candidates.sort((a, b) => a.rank - b.rank || a.load - b.load || a.agent.lastAssigned - b.agent.lastAssigned);
    return candidates[0]?.agent;
  }

  /** Adds an agent to a chat's current thread. */
  join(chat: ChatRecord, thread: ThreadRecord, agent: AgentRecord): void {
    const existing = chat.users.get(agent.id);
    chat.users.set(agent.id, { type: 'agent', present: true, events_seen_up_to: existing?.events_seen_up_to });
    if (!thread.user_ids.includes(agent.id)) thread.user_ids.push(agent.id);
  }

  /** Routes a new thread to an available agent or bot; queues it when there is none. Returns the agent. */
  route(chat: ChatRecord, thread: ThreadRecord): AgentRecord | undefined {
    const agent = this.pickAgent(chat.access.group_ids);
    if (agent) {
      agent.lastAssigned = this.store.nextAssignSeq();
      this.join(chat, thread, agent);
      thread.queue = undefined;
    } else {
      thread.queue = { position: this.queued().length + 1, wait_time: 0, queued_at: this.store.clock.timestamp() };
    }
    return agent;
  }

  private queued(): ChatRecord[] {
    return [...this.store.chats.values()].filter((c) => {
      const t = this.lastThread(c);
      return t?.active && t.queue;
    });
  }

  /** Hands queued chats to agents who can take them now. */
  processQueue(ctx: RequestContext = systemContext()): void {
    const queue = this.queued().sort((a, b) =>
      a.threads.at(-1)!.queue!.queued_at.localeCompare(b.threads.at(-1)!.queue!.queued_at),
    );
    for (const chat of queue) {
      const thread = this.lastThread(chat)!;
      const agent = this.pickAgent(chat.access.group_ids);
      if (!agent) continue;
      agent.lastAssigned = this.store.nextAssignSeq();
      this.join(chat, thread, agent);
      thread.queue = undefined;
      this.emitChat(ctx, chat, 'incoming_chat', (view) => ({ chat: chatView(this.store, chat, thread, view) }), {
        only: [agent.id],
      });
      const others = [...this.recipients(chat)].filter((id) => id !== agent.id);
      this.emitChat(
        ctx,
        chat,
        'user_added_to_chat',
        (view) => ({
          chat_id: chat.id,
          thread_id: thread.id,
          user: agentUserView(agent, chat.users.get(agent.id), view),
          reason: 'assigned',
        }),
        { only: others },
      );
      ctx.after(() =>
        this.webhooks.fire(
          'user_added_to_chat',
          {
            chat_id: chat.id,
            thread_id: thread.id,
            user: agentUserView(agent, chat.users.get(agent.id), 'agent'),
            reason: 'assigned',
            user_type: 'agent',
          },
          { chat },
        ),
      );
    }
    let position = 1;
    for (const chat of this.queued()) this.lastThread(chat)!.queue!.position = position++;
  }

  /** Changes an agent's routing status; pushes `routing_status_set` and routes queued chats. */
  setStatus(agent: AgentRecord, status: RoutingStatus, ctx: RequestContext = systemContext()): void {
    if (agent.status === status) return;
    agent.status = status;
    this.log(`routing status ${agent.id}: ${status}`);
    ctx.after(() => {
      const agentIds = this.hub.agents().map((c) => c.principal!.id);
      this.hub.push(agentIds, 'routing_status_set', () => ({ agent_id: agent.id, status }), ctx.origin);
      this.webhooks.fire('routing_status_set', { agent_id: agent.id, status });
      if (status === 'accepting_chats') this.processQueue();
    });
  }

  /** After an agent's last RTM socket closed. */
  agentWentAway(agentId: string): void {
    const agent = this.store.agents.get(agentId);
    if (!agent || this.hub.of(agentId, 'agent').length) return;
    agent.lastLogout = this.store.clock.timestamp();
    this.setStatus(agent, 'offline');
  }

  // ---------------------------------------------------------------- events

  /** Checks a request's `event` against what the docs require; throws `validation`. */
  checkEvent(input: unknown, side: 'agent' | 'customer', field = 'event'): Record<string, unknown> {
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
  makeEvent(thread: ThreadRecord, input: Record<string, unknown>, authorId: string): EventRecord {
    const { id: _id, created_at: _createdAt, author_id: _authorId, type, visibility, ...rest } = clone(input);
    const event: EventRecord = {
      id: `${thread.id}_${++thread.eventSeq}`,
      created_at: this.store.clock.timestamp(),
      visibility: (visibility as string | undefined) ?? 'all',
      type: type as string,
      ...rest,
      author_id: authorId,
    };
    if (event.type === 'file') this.describeFile(event);
    return event;
  }

  private describeFile(event: EventRecord): void {
    const url = String(event.url);
    const prefix = `${this.baseUrl}/files/`;
    if (!url.startsWith(prefix)) return;
    const id = url.slice(prefix.length).split('/')[0] ?? '';
    const file = this.store.files.get(id);
    if (!file) return;
    event.name ??= file.name;
    event.content_type ??= file.contentType;
    event.size ??= file.data.byteLength;
  }

  /** Adds an event to a thread and tells everyone in the chat (and the `incoming_event` webhooks). */
  addEvent(
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
    this.emitChat(
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

  systemMessage(_chat: ChatRecord, thread: ThreadRecord, text: string, systemType: string): EventRecord {
    return {
      id: `${thread.id}_${++thread.eventSeq}`,
      created_at: this.store.clock.timestamp(),
      type: 'system_message',
      visibility: 'all',
      text,
      system_message_type: systemType,
    };
  }

  // ---------------------------------------------------------------- chat lifecycle

  newThread(chat: ChatRecord, active: boolean): ThreadRecord {
    const previous = this.lastThread(chat);
    const thread: ThreadRecord = {
      id: platformId(),
      active,
      user_ids: [],
      events: [],
      properties: {},
      access: clone(chat.access),
      tags: [],
      created_at: this.store.clock.timestamp(),
      previous_thread_id: previous?.id,
      next_thread_id: undefined,
      queue: undefined,
      eventSeq: 0,
    };
    if (previous) previous.next_thread_id = thread.id;
    for (const [id, u] of chat.users) if (u.present) thread.user_ids.push(id);
    chat.threads.push(thread);
    return thread;
  }

  /** `start_chat` of both APIs. */
  startChat(ctx: RequestContext, payload: Record<string, unknown>): Record<string, unknown> {
    const me = this.requester(ctx);
    const input = payload.chat === undefined ? {} : payload.chat;
    if (!isObject(input)) throw invalid('Wrong format of request: "chat" must be an object');
    const chat: ChatRecord = {
      id: platformId(),
      users: new Map(),
      properties: {},
      access: { group_ids: [0] },
      threads: [],
      followers: new Set(),
      created_at: this.store.clock.timestamp(),
    };
    if (me.kind === 'customer') {
      chat.users.set(me.id, { type: 'customer', present: true, events_seen_up_to: undefined });
    } else {
      chat.users.set(me.id, { type: 'agent', present: true, events_seen_up_to: undefined });
      this.addInitialUsers(chat, input.users);
    }
    return this.openThread(ctx, chat, input, payload, true);
  }

  private addInitialUsers(chat: ChatRecord, users: unknown): void {
    if (users === undefined) return;
    if (!Array.isArray(users)) throw invalid('Wrong format of request: "chat.users" must be an array');
    for (const [i, u] of users.entries()) {
      if (!isObject(u) || typeof u.id !== 'string' || (u.type !== 'agent' && u.type !== 'customer')) {
        throw invalid(`Wrong format of request: "chat.users[${i}]" needs "id" and "type" (agent or customer)`);
      }
      if (u.type === 'customer') this.customer(u.id);
      else this.agent(u.id);
      chat.users.set(u.id, { type: u.type, present: true, events_seen_up_to: undefined });
    }
  }

  /** Creates the new thread of `start_chat` / `resume_chat`, routes it and announces it. */
  private openThread(
    ctx: RequestContext,
    chat: ChatRecord,
    input: Record<string, unknown>,
    payload: Record<string, unknown>,
    isNew: boolean,
  ): Record<string, unknown> {
    const me = this.requester(ctx);
    const side = me.kind === 'customer' ? 'customer' : 'agent';
    // Check everything before changing anything.
    const threadInput = input.thread === undefined ? {} : input.thread;
    if (!isObject(threadInput)) throw invalid('Wrong format of request: "chat.thread" must be an object');
    const rawEvents = threadInput.events ?? [];
    if (!Array.isArray(rawEvents)) throw invalid('Wrong format of request: "chat.thread.events" must be an array');
    const eventInputs = rawEvents.map((e, i) => this.checkEvent(e, side, `chat.thread.events[${i}]`));
    const threadProps =
      threadInput.properties === undefined ? {} : assertProperties(threadInput.properties, 'chat.thread.properties');
    const chatProps =
      input.properties === undefined ? undefined : assertProperties(input.properties, 'chat.properties');
    const access = input.access === undefined ? undefined : { group_ids: groupIdsOf(input.access, this) };
    if (!isNew) {
      if (chatProps) mergeProperties(chat.properties, chatProps);
      if (access) chat.access = access;
      // A new thread starts with the customer and the requester; other agents leave.
      for (const [id, u] of chat.users) if (u.type === 'agent' && id !== me.id) u.present = false;
      if (me.kind === 'agent') {
        chat.users.set(me.id, {
          type: 'agent',
          present: true,
          events_seen_up_to: chat.users.get(me.id)?.events_seen_up_to,
        });
      }
    } else {
      if (chatProps) chat.properties = clone(chatProps);
      if (access) chat.access = access;
    }
    this.store.chats.set(chat.id, chat);
    const active = payload.active !== false;
    const thread = this.newThread(chat, active);
    thread.properties = clone(threadProps);
    const events = eventInputs.map((e) => this.makeEvent(thread, e, me.id));
    thread.events.push(...events);
    if (active && me.kind === 'customer') this.route(chat, thread);
    const result: Record<string, unknown> = isNew
      ? { chat_id: chat.id, thread_id: thread.id }
      : { thread_id: thread.id };
    if (events.length) result.event_ids = events.map((e) => e.id);
    this.emitChat(
      ctx,
      chat,
      'incoming_chat',
      (view) => ({ requester_id: me.id, chat: chatView(this.store, chat, thread, view) }),
      {
        webhook: { chat: chatView(this.store, chat, thread, 'agent') },
      },
    );
    return result;
  }

  /** `resume_chat` of both APIs. */
  resumeChat(ctx: RequestContext, payload: Record<string, unknown>): Record<string, unknown> {
    const input = payload.chat as Record<string, unknown>;
    if (!isObject(input)) throw invalid('Wrong format of request: "chat" must be an object');
    const chat = this.chat(ctx, input.id);
    if (this.lastThread(chat)?.active) throw invalid(`Chat ${chat.id} is already active`);
    return this.openThread(ctx, chat, input, payload, false);
  }

  /** `deactivate_chat` of both APIs. */
  deactivateChat(ctx: RequestContext, payload: Record<string, unknown>): Record<string, unknown> {
    const me = this.requester(ctx);
    const chat = this.chat(ctx, payload.id);
    const thread = this.lastThread(chat);
    if (!thread?.active) throw new SimError('chat_inactive', `Chat ${chat.id} is not active`);
    if (me.kind === 'customer') {
      const name = this.store.customers.get(me.id)?.name ?? 'Customer';
      this.addEvent(
        ctx,
        chat,
        thread,
        this.systemMessage(chat, thread, `${name} closed the chat.`, 'manual_archived_customer'),
        undefined,
      );
    }
    thread.active = false;
    thread.queue = undefined;
    const body = { chat_id: chat.id, thread_id: thread.id, user_id: me.id };
    this.emitChat(ctx, chat, 'chat_deactivated', () => body, { webhook: body });
    ctx.after(() => this.processQueue());
    return {};
  }

  /** `send_event` of both APIs. */
  sendEvent(ctx: RequestContext, payload: Record<string, unknown>): Record<string, unknown> {
    const me = this.requester(ctx);
    const chat = this.chat(ctx, payload.chat_id);
    this.assertPresent(chat, me);
    const thread = this.lastThread(chat);
    if (!thread) throw notFound('Thread of chat', chat.id);
    if (!thread.active && !(me.kind === 'customer' && payload.attach_to_last_thread === true)) {
      throw new SimError('chat_inactive', `Chat ${chat.id} is not active; resume it first`);
    }
    const side = me.kind === 'customer' ? 'customer' : 'agent';
    const event = this.makeEvent(thread, this.checkEvent(payload.event, side), me.id);
    this.addEvent(ctx, chat, thread, event, side);
    return { event_id: event.id };
  }

  assertPresent(chat: ChatRecord, me: Principal): void {
    if (!chat.users.get(me.id)?.present) {
      throw new SimError('authorization', `The requester is not a user of chat ${chat.id}; add them to the chat first`);
    }
  }

  /** `upload_file` of both APIs. */
  uploadFile(payload: Record<string, unknown>): Record<string, unknown> {
    const file = payload.file;
    if (!(file instanceof UploadedFile))
      throw invalid('Wrong format of request: "file" must be a multipart/form-data file field');
    if (file.data.byteLength > FILE_LIMIT) throw new SimError('entity_too_large', 'Upload limit exceeded (10MB).');
    const id = this.store.newFileId();
    this.store.files.set(id, { id, name: file.name, contentType: file.type, data: file.data });
    return { url: `${this.baseUrl}/files/${id}/${encodeURIComponent(file.name)}` };
  }

  /** The agents present in a customer's chats, and the customer's active chat (if any). */
  private customerChats(customerId: string): {
    agents: Set<string>;
    activeChat: { chat_id: string; thread_id: string } | undefined;
  } {
    const agents = new Set<string>();
    let activeChat: { chat_id: string; thread_id: string } | undefined;
    for (const chat of this.store.chats.values()) {
      if (!chat.users.has(customerId)) continue;
      for (const [id, u] of chat.users) if (u.type === 'agent' && u.present) agents.add(id);
      const t = this.lastThread(chat);
      if (t?.active) activeChat = { chat_id: chat.id, thread_id: t.id };
    }
    return { agents, activeChat };
  }

  /**
   * A store integration changed one of a customer's carts: `customer_updated` with that `cart` to the
   * agents chatting with or tracking the customer. The customer is not told (their Customer Chat API
   * structure has no carts).
   */
  cartUpdated(customer: CustomerRecord, cart: CartRecord): void {
    const sockets = [...this.customerChats(customer.id).agents].flatMap((id) => this.hub.of(id, 'agent'));
    this.hub.pushTo([...sockets, ...this.tracking.watchers(customer.id)], 'customer_updated', (view) =>
      view === 'agent' ? { ...customerUpdatedPayload(this.store, customer, view), cart: clone(cart) } : undefined,
    );
  }

  /** Everything about a customer that changed, to the customer and the agents chatting with them. */
  customerUpdated(ctx: RequestContext, customer: CustomerRecord, sessionFieldsChanged: boolean): void {
    const { agents, activeChat } = this.customerChats(customer.id);
    ctx.after(() => {
      const sockets = [...agents, customer.id].flatMap((id) => this.hub.of(id));
      this.hub.pushTo(
        [...sockets, ...this.tracking.watchers(customer.id)],
        'customer_updated',
        (view) => customerUpdatedPayload(this.store, customer, view),
        ctx.origin,
      );
      if (sessionFieldsChanged) {
        const body: Record<string, unknown> = { id: customer.id, session_fields: clone(customer.session_fields) };
        if (activeChat) body.active_chat = activeChat;
        this.webhooks.fire('customer_session_fields_updated', body);
      }
    });
  }
}

/** A file field of a multipart request. */
export class UploadedFile {
  constructor(
    readonly name: string,
    readonly type: string,
    readonly data: Uint8Array,
  ) {}

  toJSON(): unknown {
    return { name: this.name, type: this.type, size: this.data.byteLength };
  }
}

/** Merges `{ <namespace>: { <name>: <value> } }` into `target`. */
export function mergeProperties(target: Properties, update: Properties): void {
  for (const [ns, values] of Object.entries(update)) setOwn(target, ns, { ...ownValue(target, ns), ...clone(values) });
}

/** Checks `{ <namespace>: { <name>: <value> } }`; `__proto__` is no namespace or property name. */
export function assertProperties(value: unknown, field: string): Properties {
  if (!isObject(value) || !Object.values(value).every(isObject)) {
    throw invalid(`Wrong format of request: "${field}" must be an object of namespaces, each an object of properties`);
  }
  for (const [ns, values] of Object.entries(value)) {
    if (ns === '__proto__' || Object.hasOwn(values as object, '__proto__')) {
      throw invalid(`Wrong format of request: "__proto__" is not a valid namespace or property name in "${field}"`);
    }
  }
  return value as Properties;
}

function groupIdsOf(access: unknown, p: Platform): number[] {
  if (access === undefined) return [0];
  if (!isObject(access)) throw invalid('Wrong format of request: "access" must be an object');
  const ids = access.group_ids ?? [0];
  if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id)))
    throw invalid('Wrong format of request: "access.group_ids" must be an array of group ids');
  for (const id of ids as number[])
    if (!p.store.groups.has(id)) throw new SimError('group_not_found', `Group ${id} not found`);
  return [...(ids as number[])];
}
