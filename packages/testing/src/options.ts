/** A seeded agent as given in {@link SimulatorOptions.agents}. */
export interface AgentSeed {
  /** Agent id, an email address (default `smith@example.com`, `jones@example.com`, ...). */
  id?: string | undefined;
  name?: string | undefined;
  /** `owner`, `viceowner`, `administrator` or `normal` (the first agent defaults to `owner`). */
  role?: string | undefined;
  /** Fixed values instead of random ones (e.g. to keep a `.env` valid across restarts). */
  accountId?: string | undefined;
  accessToken?: string | undefined;
  refreshToken?: string | undefined;
  pat?: string | undefined;
}

/** Options of {@link startSimulator}. Every time is in milliseconds. */
export interface SimulatorOptions {
  /** Port to listen on; `0` (the default) picks a free one. */
  port?: number | undefined;
  /** Interface to listen on (default `127.0.0.1`; only change it if you know why). */
  host?: string | undefined;
  /** Organization id (default: a fixed id, so it stays the same across restarts). */
  organizationId?: string | undefined;
  /** Agents to seed (default: two, the first the owner). */
  agents?: AgentSeed[] | undefined;
  /** The seeded bot's name (default `ChatBot`). */
  botName?: string | undefined;
  /** A socket that has not logged in within this time is closed (default 30000, as the platform). */
  loginTimeout?: number | undefined;
  /** A logged-in socket that sends nothing (no frame, no ping) for this time is closed (default 30000). */
  idleTimeout?: number | undefined;
  /** Most requests in flight per RTM socket; one more answers `pending_requests_limit_reached` (default 10). */
  maxPendingRequests?: number | undefined;
  /** Time every request spends "processing" before it is answered (default 0). Makes requests pending. */
  requestDelay?: number | undefined;
  /**
   * Lifetime of the access tokens the simulator issues, in seconds (default 28800). An RTM socket is
   * disconnected (`access_token_expired`) when its token expires, unless `update_session` swapped in a
   * fresh one. The seeded agents', bot's and customer's tokens never expire.
   */
  tokenTtl?: number | undefined;
  /** Region prefix of issued tokens (default `dal`). */
  region?: string | undefined;
  /** How long a webhook receiver may take to answer (default 5000). */
  webhookTimeout?: number | undefined;
  /** Most entries kept in the request log (default 1000). */
  requestLogLimit?: number | undefined;
  /** Receives one line per request, webhook and connection (e.g. `console.log`); nothing by default. */
  logger?: ((line: string) => void) | undefined;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  organizationId: string;
  agents: AgentSeed[];
  botName: string;
  loginTimeout: number;
  idleTimeout: number;
  maxPendingRequests: number;
  requestDelay: number;
  tokenTtl: number;
  region: string;
  webhookTimeout: number;
  requestLogLimit: number;
  logger: (line: string) => void;
}

export const DEFAULT_ORGANIZATION_ID = '5bd4a6d8-0c1f-4e5b-9a57-51e0a7c0de36';

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const num = (name: string, value: number | undefined, fallback: number, min = 0): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
      throw new TypeError(`startSimulator: option "${name}" must be a number >= ${min}`);
    }
    return value;
  };
  return {
    port: num('port', options.port, 0),
    host: options.host ?? '127.0.0.1',
    organizationId: options.organizationId ?? DEFAULT_ORGANIZATION_ID,
    agents: options.agents?.length
      ? options.agents
      : [
          { id: 'smith@example.com', name: 'Agent Smith', role: 'owner' },
          { id: 'jones@example.com', name: 'Agent Jones', role: 'normal' },
        ],
    botName: options.botName ?? 'ChatBot',
    loginTimeout: num('loginTimeout', options.loginTimeout, 30_000, 1),
    idleTimeout: num('idleTimeout', options.idleTimeout, 30_000, 1),
    maxPendingRequests: num('maxPendingRequests', options.maxPendingRequests, 10, 1),
    requestDelay: num('requestDelay', options.requestDelay, 0),
    tokenTtl: num('tokenTtl', options.tokenTtl, 28_800, 1),
    region: options.region ?? 'dal',
    webhookTimeout: num('webhookTimeout', options.webhookTimeout, 5_000, 1),
    requestLogLimit: num('requestLogLimit', options.requestLogLimit, 1_000),
    logger: options.logger ?? (() => {}),
  };
}
