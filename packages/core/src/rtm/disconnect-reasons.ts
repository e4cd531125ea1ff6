import type { RTMApi } from './types.js';

/**
 * Whether the client reconnects after the platform's `agent_disconnected` / `customer_disconnected`
 * push with a given `reason`: `true` = reconnect (with a fresh token from the getter), `false` = end in
 * `closed`. Taken from the "suggested behavior" column of the docs (checked against
 * `spec/pushes-webhooks.json` by a test). A reason not listed here reconnects.
 *
 * Note the two APIs differ: `connection_evicted` and `access_token_revoked` end an agent session but
 * a customer reconnects.
 *
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent-disconnected
 * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#customer-disconnected
 */
export const DISCONNECT_REASONS: { readonly [A in RTMApi]: Readonly<Record<string, boolean>> } = {
  agent: {
    agent_disconnected_by_server: false,
    agent_logged_out_remotely: false,
    access_token_revoked: false,
    connection_evicted: false,
    access_token_expired: true,
    connection_timeout: true,
    internal_error: true,
    license_expired: false,
    license_not_found: false,
    misdirected_connection: false,
    unsupported_version: false,
    too_many_connections: false,
    too_many_unauthorized_connections: true,
    role_permissions_changed: true,
  },
  customer: {
    access_token_revoked: true,
    access_token_expired: true,
    connection_evicted: true,
    connection_timeout: true,
    internal_error: true,
    license_not_found: false,
    license_expired: false,
    misdirected_connection: false,
    unsupported_version: false,
    service_temporarily_unavailable: true,
    too_many_connections: false,
    too_many_unauthorized_connections: true,
    logged_out_remotely: false,
  },
};

/** Whether a disconnect `reason` of the given API leads to a reconnect (unknown reasons do). */
export function reconnectsAfter(api: RTMApi, reason: string): boolean {
  const table = DISCONNECT_REASONS[api];
  return Object.prototype.hasOwnProperty.call(table, reason) ? table[reason] === true : true;
}
