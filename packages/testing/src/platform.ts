// The simulated platform: its state (store, tokens, sockets, faults, request log), lookups and chat pushes.
// Routing, chat events, the shared chat operations and uploads live in their own modules and take the platform.
import { Auth, type Principal } from './auth.js';
import type { RequestContext } from './context.js';
import { invalid, notFound, SimError } from './errors.js';
import { Faults } from './faults.js';
import type { ResolvedOptions } from './options.js';
import { Pager } from './pagination.js';
import { type Connection, Hub, type View } from './rtm/connection.js';
import type { ApiName, Transport } from './spec.js';
import { type AgentRecord, type ChatRecord, type CustomerRecord, Store, type ThreadRecord } from './store.js';
import { CustomerTracking } from './tracking.js';
import { hexId, secret } from './util.js';
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

  assertPresent(chat: ChatRecord, me: Principal): void {
    if (!chat.users.get(me.id)?.present) {
      throw new SimError('authorization', `The requester is not a user of chat ${chat.id}; add them to the chat first`);
    }
  }
}
