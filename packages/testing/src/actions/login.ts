// RTM `login` of both APIs: authenticates the socket and answers with the documented initial state.
import type { Principal } from '../auth.js';
import type { RequestContext } from '../context.js';
import { checkPrincipal } from '../principal.js';
import { invalid, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { agentChatSummary, chatList, customerRecordView } from '../serialize.js';
import { isObject } from '../util.js';
import { applyCustomerUpdate } from './customer-fields.js';
import { visitPage } from './customer-pages.js';
import { pickAgent, setStatus } from '../routing.js';

type Payload = Record<string, unknown>;

/** Reads `"Bearer <token>"` and checks the token may use this API. */
function authenticate(ctx: RequestContext, payload: Payload, p: Platform): { principal: Principal; token: string } {
  if (typeof payload.token !== 'string') throw invalid('Wrong format of request: "token" must be a string');
  const match = /^(\S+)\s+(.+)$/.exec(payload.token.trim());
  if (!match || match[1]!.toLowerCase() !== 'bearer') {
    throw new SimError(
      'authentication',
      'The login token must be "Bearer <access token>" (personal access tokens cannot log in over RTM)',
    );
  }
  const token = match[2]!;
  const principal = p.auth.bearer(token);
  checkPrincipal(p, ctx.api, principal);
  if (principal.kind === 'agent' && principal.bot) {
    // Docs (Agent Chat RTM reference, "Calling the RTM API as a bot"): unsupported; bots use the Web API.
    throw new SimError(
      'authorization',
      'Establishing a WebSocket connection as a bot is unsupported: call the Agent Chat Web API with the bot token',
    );
  }
  return { principal, token };
}

/**
 * The socket may have closed while the login waited (a processing delay, a slow network): such a login
 * must not start a session, change the routing status or update the customer, since no `close`
 * will ever undo it.
 */
function assertOpen(ctx: RequestContext): void {
  const conn = ctx.conn!;
  if (conn.closed || conn.ws.readyState !== conn.ws.OPEN) {
    throw new SimError('connection_closed', 'The connection closed before the login was processed');
  }
}

/** Remembers which pushes the socket subscribed to (`pushes: { "3.6": [...] }`). */
function subscribe(ctx: RequestContext, payload: Payload): void {
  const pushes = payload.pushes;
  if (pushes === undefined) return;
  if (!isObject(pushes)) throw invalid('Wrong format of request: "pushes" must be an object keyed by API version');
  const list = pushes[ctx.version];
  if (list === undefined) return;
  if (!Array.isArray(list) || !list.every((n) => typeof n === 'string')) {
    throw invalid(`Wrong format of request: "pushes.${ctx.version}" must be an array of push names`);
  }
  ctx.conn!.pushFilter = list.includes('all') ? undefined : new Set(list as string[]);
}

function started(ctx: RequestContext, p: Platform, principal: Principal, token: string): void {
  const conn = ctx.conn!;
  conn.principal = principal;
  clearTimeout(conn.loginTimer);
  conn.loginTimer = undefined;
  p.bindToken(conn, token);
  p.log(`${conn.api} ${principal.id} logged in (socket ${conn.id})`);
}

export function loginAgent(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  assertOpen(ctx);
  const { principal, token } = authenticate(ctx, payload, p);
  subscribe(ctx, payload);
  const agent = p.agent(principal.id);
  const conn = ctx.conn!;
  conn.away = payload.away === true;
  const firstSession = p.hub.of(agent.id, 'agent').length === 0;
  started(ctx, p, principal, token);
  if (firstSession || agent.status === 'offline') {
    const accepting = !conn.away && (agent.isBot || agent.loginStatus === 'accepting chats');
    setStatus(p, agent, accepting ? 'accepting_chats' : 'not_accepting_chats', ctx);
  }
  const now = Math.floor(Date.now() / 1000);
  const chats = [...p.store.chats.values()].filter(
    (c) => (c.users.get(agent.id)?.present || c.followers.has(agent.id)) && p.lastThread(c)?.active,
  );
  return {
    license: {
      id: String(p.store.licenseId),
      organization_id: p.store.organizationId,
      plan: 'enterprise',
      expiration_timestamp: now + 365 * 86400,
      creation_timestamp: now - 86400,
      in_trial: false,
      website_last_activity: new Date().toISOString().slice(0, 10),
    },
    my_profile: {
      id: agent.id,
      type: 'agent',
      name: agent.name,
      email: agent.id,
      present: true,
      avatar: agent.avatar,
      routing_status: agent.status,
      permission: agent.role,
    },
    ...chatList(
      ctx.version,
      chats.map((c) => agentChatSummary(p.store, c, agent.id)),
    ),
  };
}

export function loginCustomer(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  assertOpen(ctx);
  const { principal, token } = authenticate(ctx, payload, p);
  subscribe(ctx, payload);
  const customer = p.customer(principal.id);
  if (payload.customer !== undefined) {
    if (!isObject(payload.customer)) throw invalid('Wrong format of request: "customer" must be an object');
    applyCustomerUpdate(customer, payload.customer);
  }
  const page = payload.customer_page;
  const visited = isObject(page) && typeof page.url === 'string' ? { url: page.url, title: page.title } : undefined;
  started(ctx, p, principal, token);
  ctx.after(() => p.tracking.customerArrived(customer));
  if (visited) visitPage(ctx, p, customer, visited);
  const chats = [...p.store.chats.values()].filter((c) => c.users.has(customer.id));
  const seen = (c: (typeof chats)[number]) => c.users.get(customer.id)?.events_seen_up_to ?? '';
  const online = [...p.store.groups.keys()].filter((id) => pickAgent(p, [id]) !== undefined);
  return {
    customer: customerRecordView(p.store, customer, 'customer', true),
    has_active_thread: chats.some((c) => p.lastThread(c)?.active),
    chats: chats.map((c) => ({
      chat_id: c.id,
      has_unread_events: c.threads.some((t) =>
        t.events.some((e) => e.author_id !== customer.id && e.visibility === 'all' && e.created_at > seen(c)),
      ),
    })),
    __priv_dynamic_config: { online_groups_ids: online },
  };
}
