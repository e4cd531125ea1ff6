// The running simulator: the public handle on a platform, its HTTP server and its RTM sockets.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatEvents } from './actions/chats.js';
import { showGreeting } from './actions/greetings.js';
import { type CartInput, type CartRecord, updateCart } from './carts.js';
import { simulatedActions } from './dispatch.js';
import type { FailOptions, FaultFilter, RateLimitOptions } from './faults.js';
import { createRequestListener } from './http/server.js';
import { resolveOptions, type SimulatorOptions } from './options.js';
import { Platform, type RequestLogEntry } from './platform.js';
import { RtmServer } from './rtm/server.js';
import { seedPlatform } from './seed.js';
import { chatView, customerRecordView, threadView } from './serialize.js';
import { type ApiName, SIMULATED_VERSIONS } from './spec.js';
import type { RoutingStatus } from './store.js';
import type {
  DisconnectOptions,
  DropOptions,
  SimulatorAgent,
  SimulatorBot,
  SimulatorConnection,
  SimulatorCustomer,
  SimulatorInfo,
} from './simulator-types.js';
import type { WebhookDelivery } from './webhooks.js';
import { setStatus } from './routing.js';

/**
 * A running LiveChat platform simulator: Agent and Customer Chat (Web + RTM), Configuration, Reports
 * and the accounts endpoints on one loopback port, with in-memory state and fault injection.
 * Create it with {@link startSimulator}; stop it with {@link Simulator.close}.
 */
export class Simulator {
  /** Base URL of the Web APIs, e.g. `http://127.0.0.1:53211` (API paths are `/v3.6/...`). */
  readonly url: string;
  /** Base URL of the RTM APIs, e.g. `ws://127.0.0.1:53211`. */
  readonly wsUrl: string;
  /** Base URL of the accounts endpoints (`/v2/token`, `/v2/info`, `/v2/organizations/my`, `/v2/customer/token`). */
  readonly accountsUrl: string;
  readonly port: number;
  readonly organizationId: string;
  readonly licenseId: number;
  /** Client id of the simulated OAuth app (also the bot's and webhooks' `owner_client_id`). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The seeded agents; the first is the organization's owner. */
  readonly agents: readonly SimulatorAgent[];
  readonly bot: SimulatorBot;
  /** A seeded customer; make more with {@link createCustomer}. */
  readonly customer: SimulatorCustomer;
  private closed: Promise<void> | undefined;

  /** @internal Use {@link startSimulator}. */
  constructor(
    private readonly platform: Platform,
    private readonly server: Server,
    private readonly rtm: RtmServer,
    seeds: { agents: SimulatorAgent[]; bot: SimulatorBot; customer: SimulatorCustomer },
  ) {
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.port = address.port;
    this.url = `http://${host}:${address.port}`;
    this.wsUrl = `ws://${host}:${address.port}`;
    this.accountsUrl = this.url;
    this.organizationId = platform.store.organizationId;
    this.licenseId = platform.store.licenseId;
    this.clientId = platform.clientId;
    this.clientSecret = platform.clientSecret;
    this.agents = seeds.agents;
    this.bot = seeds.bot;
    this.customer = seeds.customer;
  }

  /** Everything a client needs to connect, as plain JSON. */
  info(): SimulatorInfo {
    return {
      url: this.url,
      wsUrl: this.wsUrl,
      accountsUrl: this.accountsUrl,
      organizationId: this.organizationId,
      licenseId: this.licenseId,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      agents: this.agents.map((a) => ({ ...a })),
      bot: { ...this.bot },
      customer: { ...this.customer },
    };
  }

  /** The actions the simulator answers at `version` (default 3.6), per API: every documented action of that version. */
  static simulatedActions(version?: string): Record<ApiName, string[]> {
    return simulatedActions(version);
  }

  /** The API versions the simulator simulates (`/v3.6`, `/v3.7`); any other version is refused. */
  static readonly versions: readonly string[] = SIMULATED_VERSIONS;

  // ------------------------------------------------------------ users and tokens

  /** Creates a customer and a customer access token for them. */
  createCustomer(input: { name?: string; email?: string } = {}): SimulatorCustomer {
    const customer = this.platform.store.addCustomer(input);
    const accessToken = this.platform.auth.issue({ kind: 'customer', id: customer.id }, this.clientId);
    const out: SimulatorCustomer = { id: customer.id, accessToken };
    if (customer.name !== undefined) out.name = customer.name;
    if (customer.email !== undefined) out.email = customer.email;
    return out;
  }

  /** A new access token for an agent or bot (e.g. one made with Configuration `create_agent`). */
  issueAgentToken(agentId: string): string {
    const agent = this.platform.agent(agentId);
    return this.platform.auth.issue({ kind: 'agent', id: agent.id, bot: agent.isBot, pat: false }, this.clientId);
  }

  /** A one-time authorization code for `POST /v2/token` (`grant_type=authorization_code`). */
  authorizationCode(agentId: string = this.agents[0]!.id): string {
    this.platform.agent(agentId);
    return this.platform.auth.issueCode(agentId, this.clientId);
  }

  /**
   * Makes a token unusable: later requests with it fail with `authentication`, and RTM sockets that
   * live on it (logged in with it, or swapped to it by `update_session`) get `access_token_revoked`.
   */
  revokeToken(token: string): boolean {
    return this.platform.auth.revoke(token);
  }

  /**
   * Marks an access token expired (`authentication`, "Access token expired"); RTM sockets that live on
   * it get `access_token_expired`, as when its lifetime elapses.
   */
  expireToken(token: string): boolean {
    return this.platform.auth.expire(token);
  }

  /** Sets an agent's or bot's routing status, as `set_routing_status` would (pushes and routing included). */
  setRoutingStatus(agentId: string, status: RoutingStatus): void {
    setStatus(this.platform, this.platform.agent(agentId), status);
  }

  // ------------------------------------------------------------ faults

  /**
   * Closes matching RTM sockets. By default abnormally (no closing handshake: the client sees code 1006);
   * with `clean: true` with a close frame. Returns how many sockets were closed.
   */
  dropSockets(options: DropOptions = {}): number {
    const conns = this.rtm.select(options);
    for (const conn of conns) {
      if (options.clean) conn.ws.close(options.code ?? 1001, options.reason ?? 'going away');
      else conn.ws.terminate();
    }
    return conns.length;
  }

  /** Sends `agent_disconnected` / `customer_disconnected` with `reason` to matching sockets, then closes them. */
  disconnect(options: DisconnectOptions): number {
    const conns = this.rtm.select(options);
    for (const conn of conns) this.rtm.disconnect(conn, options.reason, options.data);
    return conns.length;
  }

  /**
   * Fails the next `count` matching requests (Web and RTM, RTM `ping` excluded) with an error of
   * `options.type` (default `internal`): HTTP status per type over Web (429 for `too_many_requests`),
   * a `success: false` frame over RTM.
   */
  failNext(count: number, options: FailOptions = {}): void {
    this.platform.faults.failNext(count, options);
  }

  /** Delays the next `count` matching requests by `ms` before they are processed (they stay pending). */
  delayNext(count: number, ms: number, filter: FaultFilter = {}): void {
    this.platform.faults.delayNext(count, ms, filter);
  }

  /** Rate-limits matching requests (`too_many_requests`, HTTP 429 over Web); `null` lifts the limit. */
  rateLimit(options: RateLimitOptions | null): void {
    this.platform.faults.rateLimit(options);
  }

  /** Forgets every pending failure, delay and rate limit. */
  resetFaults(): void {
    this.platform.faults.reset();
  }

  // ------------------------------------------------------------ inspection

  /**
   * Shows a greeting (Configuration `create_greeting`) to a customer now, as the platform does when its
   * rules hold: `incoming_greeting` to the customer's sockets. For rules the simulator cannot judge
   * (time on site, geolocation, ...). Returns the greeting's `unique_id`.
   */
  showGreeting(customerId: string, greetingId: number): string {
    const record = this.platform.store.greetings.get(greetingId);
    if (!record) throw new Error(`No greeting ${greetingId}`);
    return showGreeting(this.platform, this.platform.customer(customerId), record);
  }

  /**
   * Plays a store integration reporting a customer's cart (the platform's only source of carts; no
   * API action sets them): the cart joins the customer's `carts` (replacing the one of the same
   * `store_uuid`) in the Agent Chat API's Customer, and the agents chatting with or tracking the
   * customer get `customer_updated` with that `cart`. Returns the stored cart.
   */
  updateCart(customerId: string, cart: CartInput): CartRecord {
    return updateCart(this.platform, customerId, cart);
  }

  /** A shown greeting's state (`displayed`, `accepted`, `canceled`) and the buttons clicked, by `unique_id`. */
  greeting(
    uniqueId: string,
  ): { greetingId: number; customerId: string; state: string; clickedButtons: string[] } | undefined {
    const shown = this.platform.store.shownGreetings.get(uniqueId);
    return shown && { ...shown, clickedButtons: [...shown.clickedButtons] };
  }

  /**
   * Plays the customer confirming their email (after `request_email_verification`): POSTs
   * `{"email": ...}` to the 10 most recent callback URIs and forgets them. Resolves with the statuses.
   */
  async confirmEmail(customerId: string, email?: string): Promise<number[]> {
    const customer = this.platform.customer(customerId);
    const address = email ?? customer.email;
    if (!address) throw new Error(`Customer ${customerId} has no email`);
    const uris = (this.platform.store.emailVerifications.get(customerId) ?? []).slice(-10);
    this.platform.store.emailVerifications.delete(customerId);
    const body = JSON.stringify({ email: address });
    const headers = { 'content-type': 'application/json' };
    return Promise.all(
      uris.map((uri) =>
        fetch(uri, { method: 'POST', headers, body }).then(
          (res) => res.status,
          () => 0,
        ),
      ),
    );
  }

  /** Every chat with all its threads and events, as an agent sees them. */
  chats(): Record<string, unknown>[] {
    return [...this.platform.store.chats.values()].map((chat) => this.chatSnapshot(chat.id)!);
  }

  /** One chat with all its threads and events; undefined when there is no such chat. */
  chat(id: string): Record<string, unknown> | undefined {
    return this.chatSnapshot(id);
  }

  private chatSnapshot(id: string): Record<string, unknown> | undefined {
    const chat = this.platform.store.chats.get(id);
    if (!chat) return undefined;
    const { thread: _thread, ...rest } = chatView(this.platform.store, chat, undefined, 'agent');
    return { ...rest, threads: chat.threads.map((t) => threadView(t, 'agent')) };
  }

  /** Every event of a chat (all threads, oldest first), each with its `thread_id`. */
  events(chatId: string): Record<string, unknown>[] {
    const chat = this.platform.store.chats.get(chatId);
    return chat ? chatEvents(chat) : [];
  }

  /** A customer as an agent sees them (`get_customer`). */
  getCustomer(id: string): Record<string, unknown> | undefined {
    const customer = this.platform.store.customers.get(id);
    return customer ? customerRecordView(this.platform.store, customer, 'agent') : undefined;
  }

  /** An agent's or bot's routing status. */
  routingStatus(agentId: string): RoutingStatus {
    return this.platform.agent(agentId).status;
  }

  /** The request log (newest last; at most `requestLogLimit` entries), optionally narrowed. */
  requests(filter: { api?: ApiName; action?: string; transport?: 'web' | 'rtm' } = {}): RequestLogEntry[] {
    return this.platform.requestLog
      .filter(
        (r) =>
          (!filter.api || r.api === filter.api) &&
          (!filter.action || r.action === filter.action) &&
          (!filter.transport || r.transport === filter.transport),
      )
      .map((r) => structuredClone(r));
  }

  clearRequests(): void {
    this.platform.requestLog.length = 0;
  }

  /** Webhook deliveries so far (newest last), with the receiver's status or the failure. */
  webhookDeliveries(): WebhookDelivery[] {
    return this.platform.webhooks.deliveries.map((d) => structuredClone(d));
  }

  /** Resolves when every webhook delivery started so far has finished. */
  flushWebhooks(): Promise<void> {
    return this.platform.webhooks.flush();
  }

  /** The open RTM sockets. */
  connections(): SimulatorConnection[] {
    return [...this.platform.hub.connections]
      .filter((c) => !c.closed && c.ws.readyState === c.ws.OPEN)
      .map((c) => ({
        id: c.id,
        api: c.api,
        version: c.version,
        userId: c.principal?.id,
        pending: c.pending,
        away: c.away,
      }));
  }

  // ------------------------------------------------------------ lifecycle

  /** Stops the simulator: closes every socket and connection, cancels delays and webhook deliveries. Idempotent. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.platform.closing.abort();
      this.platform.webhooks.close();
      this.rtm.close();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closed;
  }

  /** Lets `await using sim = await startSimulator()` close it. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/**
 * Starts a simulator on `127.0.0.1` (port 0 = a free port unless `options.port` says otherwise).
 *
 * @example
 * ```ts
 * const sim = await startSimulator({ port: 0 });
 * const [agent] = sim.agents;
 * const res = await fetch(`${sim.url}/v3.6/agent/action/list_chats`, {
 *   method: 'POST', headers: { authorization: `Bearer ${agent.accessToken}`, 'content-type': 'application/json' }, body: '{}',
 * });
 * await sim.close();
 * ```
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const opts = resolveOptions(options);
  const p = new Platform(opts);
  const { agents, bot, customer } = seedPlatform(p, opts);
  const rtm = new RtmServer(p);
  const server = createServer(createRequestListener(p));
  server.on('upgrade', (req, socket, head) => {
    try {
      rtm.upgrade(req, socket, head);
    } catch (err) {
      // Never an uncaught exception in the user's process because of what a client sent.
      p.log(`upgrade internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const sim = new Simulator(p, server, rtm, { agents, bot, customer });
  p.baseUrl = sim.url;
  p.log(`lc-simulator listening on ${sim.url}`);
  return sim;
}
