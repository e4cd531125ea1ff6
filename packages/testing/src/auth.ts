import { SimError } from './errors.js';
import { secret } from './util.js';

/** Who sent a request. */
export type Principal = { kind: 'agent'; id: string; bot: boolean; pat: boolean } | { kind: 'customer'; id: string };

interface TokenRecord {
  principal: Principal;
  clientId: string;
  /** Epoch ms. */
  expiresAt: number;
  scope: string;
}

export const AGENT_SCOPE =
  'chats--all:rw,chats--access:rw,customers:rw,agents--all:rw,agents-bot--all:rw,groups--all:rw,tags--all:rw,webhooks--all:rw,properties--all:rw,reports_read,multicast:rw,organization--my:rw,accounts--my:ro';
export const CUSTOMER_SCOPE = 'customers:own';

/**
 * The simulator's token registry: OAuth-style access tokens (agents, bots, customers), refresh tokens,
 * authorization codes and Personal Access Tokens. Token values never leave this class except to the
 * caller that asked for them.
 */
export class Auth {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly refreshTokens = new Map<string, { agentId: string; clientId: string }>();
  private readonly codes = new Map<string, { agentId: string; clientId: string }>();
  /** account id → PAT */
  private readonly pats = new Map<string, { pat: string; agentId: string }>();
  private readonly endListeners: ((token: string, how: 'expired' | 'revoked') => void)[] = [];

  constructor(
    private readonly ttlSeconds: number,
    private readonly region: string,
  ) {}

  get tokenTtl(): number {
    return this.ttlSeconds;
  }

  /** A new access token (`dal:...`); `ttlSeconds` defaults to the configured lifetime. */
  issue(
    principal: Principal,
    clientId: string,
    options: { value?: string | undefined; ttlSeconds?: number } = {},
  ): string {
    const token = options.value ?? `${this.region}:${secret()}`;
    this.tokens.set(token, {
      principal,
      clientId,
      expiresAt: Date.now() + (options.ttlSeconds ?? this.ttlSeconds) * 1000,
      scope: principal.kind === 'customer' ? CUSTOMER_SCOPE : AGENT_SCOPE,
    });
    return token;
  }

  issueRefreshToken(agentId: string, clientId: string, value?: string): string {
    const token = value ?? `${this.region}:${secret()}`;
    this.refreshTokens.set(token, { agentId, clientId });
    return token;
  }

  /** The grant behind a refresh token (refresh tokens stay valid until revoked); undefined when unknown. */
  refreshGrant(token: string): { agentId: string; clientId: string } | undefined {
    return this.refreshTokens.get(token);
  }

  issueCode(agentId: string, clientId: string): string {
    const code = `${this.region}:${secret(12)}`;
    this.codes.set(code, { agentId, clientId });
    return code;
  }

  takeCode(code: string): { agentId: string; clientId: string } | undefined {
    const entry = this.codes.get(code);
    if (entry) this.codes.delete(code);
    return entry;
  }

  setPat(accountId: string, agentId: string, pat: string): void {
    this.pats.set(accountId, { pat, agentId });
  }

  /** Calls `listener` when an access token is revoked or expired on purpose (not when its lifetime elapses). */
  onTokenEnd(listener: (token: string, how: 'expired' | 'revoked') => void): void {
    this.endListeners.push(listener);
  }

  /** When an access token expires (epoch ms); undefined when unknown or revoked. */
  expiresAt(token: string): number | undefined {
    return this.tokens.get(token)?.expiresAt;
  }

  /** Makes a token unusable (`authentication` errors from then on). Returns whether it existed. */
  revoke(token: string): boolean {
    if (this.tokens.delete(token)) {
      this.ended(token, 'revoked');
      return true;
    }
    return this.refreshTokens.delete(token);
  }

  /** Makes a token expired without removing it (`authentication`, "expired"). */
  expire(token: string): boolean {
    const record = this.tokens.get(token);
    if (!record) return false;
    record.expiresAt = 0;
    this.ended(token, 'expired');
    return true;
  }

  private ended(token: string, how: 'expired' | 'revoked'): void {
    for (const listener of this.endListeners) listener(token, how);
  }

  /** Revokes every access token of a user. */
  revokeAll(userId: string): void {
    for (const [token, record] of this.tokens) if (record.principal.id === userId) this.tokens.delete(token);
  }

  /** Details of a live access token, for `GET /v2/info`; undefined when unknown or expired. */
  info(token: string): { principal: Principal; clientId: string; expiresIn: number; scope: string } | undefined {
    const record = this.tokens.get(token);
    if (!record || record.expiresAt <= Date.now()) return undefined;
    return {
      principal: record.principal,
      clientId: record.clientId,
      expiresIn: Math.max(0, Math.round((record.expiresAt - Date.now()) / 1000)),
      scope: record.scope,
    };
  }

  /** The principal of a bearer token; throws `authentication`. */
  bearer(token: string): Principal {
    const record = this.tokens.get(token);
    if (!record) throw new SimError('authentication', 'Invalid access token');
    if (record.expiresAt <= Date.now()) throw new SimError('authentication', 'Access token expired');
    return record.principal;
  }

  /** The client id of the Bearer token in an `Authorization` header value; undefined for PATs and unknown tokens. */
  bearerClientId(header: string | undefined): string | undefined {
    const match = /^bearer\s+(\S+)\s*$/i.exec(header ?? '');
    return match ? this.tokens.get(match[1]!)?.clientId : undefined;
  }

  /**
   * The principal of an `Authorization` header value (`Bearer <token>` or `Basic <base64(account_id:PAT)>`);
   * throws `authentication`. Error messages never contain the credential.
   */
  authorize(header: string | undefined): Principal {
    if (!header) throw new SimError('authentication', 'Missing Authorization header');
    const space = header.indexOf(' ');
    const scheme = space > 0 ? header.slice(0, space).toLowerCase() : '';
    const value = space > 0 ? header.slice(space + 1).trim() : '';
    if (scheme === 'bearer' && value) return this.bearer(value);
    if (scheme === 'basic' && value) {
      const bytes = Buffer.from(value, 'base64');
      // Strict base64, as the platform: Node's decoder skips garbage that a canonical encoding would not have.
      if (bytes.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '')) {
        throw new SimError('authentication', 'Invalid personal access token');
      }
      const decoded = bytes.toString('utf8');
      const colon = decoded.indexOf(':');
      const accountId = colon > 0 ? decoded.slice(0, colon) : '';
      const entry = this.pats.get(accountId);
      if (!entry || entry.pat !== decoded.slice(colon + 1)) {
        throw new SimError('authentication', 'Invalid personal access token');
      }
      return { kind: 'agent', id: entry.agentId, bot: false, pat: true };
    }
    throw new SimError('authentication', 'Authorization must be "Bearer <token>" or "Basic <base64(account_id:PAT)>"');
  }
}
