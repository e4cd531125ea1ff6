// The public shapes a running simulator hands out: seeded users, connection info and fault options.
import type { RtmApi } from './rtm/connection.js';
import type { SocketFilter } from './rtm/server.js';

/** A seeded agent with ready-made credentials. */
export interface SimulatorAgent {
  /** Agent id (an email address, as on the platform). */
  id: string;
  name: string;
  email: string;
  role: string;
  /** Global Accounts account id: the username of the agent's Personal Access Token. */
  accountId: string;
  /** OAuth access token (`Authorization: Bearer <accessToken>`, RTM `login`), valid until the simulator closes. */
  accessToken: string;
  /** Refresh token for `POST /v2/token` (`grant_type=refresh_token`). */
  refreshToken: string;
  /** Personal Access Token (`Authorization: Basic base64(accountId:pat)`). */
  pat: string;
  /** The ready `Authorization: Basic ...` value of the PAT: `base64(accountId:pat)`. */
  basicAuth: string;
}

/** The seeded bot (an agent of type bot in group 0 with priority `first`; `offline` until it sets a status). */
export interface SimulatorBot {
  id: string;
  name: string;
  /** The client id that owns the bot (the simulator's OAuth app). */
  ownerClientId: string;
  /** Bot secret for Configuration `issue_bot_token`. */
  secret: string;
  /** A bot token, valid until the simulator closes. */
  accessToken: string;
}

/** A customer with a customer access token. */
export interface SimulatorCustomer {
  id: string;
  name?: string | undefined;
  email?: string | undefined;
  /** Customer access token (`Authorization: Bearer`, RTM `login`). */
  accessToken: string;
}

/** What to connect to, as {@link Simulator.info} returns it and `lc-simulator` prints it. */
export interface SimulatorInfo {
  url: string;
  wsUrl: string;
  accountsUrl: string;
  organizationId: string;
  licenseId: number;
  clientId: string;
  clientSecret: string;
  agents: SimulatorAgent[];
  bot: SimulatorBot;
  customer: SimulatorCustomer;
}

/** One open RTM socket, as {@link Simulator.connections} reports it. */
export interface SimulatorConnection {
  id: number;
  api: RtmApi;
  version: string;
  /** The logged-in user; undefined before `login`. */
  userId: string | undefined;
  pending: number;
  away: boolean;
}

/** Options of {@link Simulator.dropSockets}. */
export interface DropOptions extends SocketFilter {
  /**
   * `false` (default): cut the TCP connection without a closing handshake, so the client sees an
   * abnormal closure (code 1006). `true`: a clean close with `code` and `reason`.
   */
  clean?: boolean | undefined;
  /** Close code of a clean close (default 1001, "going away"). */
  code?: number | undefined;
  reason?: string | undefined;
}

/** Options of {@link Simulator.disconnect}. */
export interface DisconnectOptions extends SocketFilter {
  /** The documented reason, e.g. `access_token_expired`, `connection_timeout`, `misdirected_connection`. */
  reason: string;
  /** `data` of the push, e.g. `{ region: 'fra' }`. */
  data?: unknown;
}
