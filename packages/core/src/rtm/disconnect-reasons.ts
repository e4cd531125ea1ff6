import type { RTMApi } from './types.js';

/** The reasons of `agent_disconnected` after which an agent session ends (any other reason reconnects). */
export const AGENT_SESSION_ENDS: readonly string[] = /* @__PURE__ */ (
  'agent_disconnected_by_server agent_logged_out_remotely access_token_revoked connection_evicted ' +
  'license_expired license_not_found misdirected_connection unsupported_version too_many_connections'
).split(' ');
/** The reasons of `customer_disconnected` after which a customer session ends (any other reason reconnects). */
export const CUSTOMER_SESSION_ENDS: readonly string[] = /* @__PURE__ */ (
  'license_not_found license_expired misdirected_connection unsupported_version too_many_connections ' +
  'logged_out_remotely'
).split(' ');

/**
 * Whether the client reconnects after the platform's `agent_disconnected` / `customer_disconnected`
 * push with a given `reason`: `true` = reconnect (with a fresh token from the getter), `false` = end in
 * `closed`. Taken from the "suggested behavior" column of the docs (checked against
 * `spec/pushes-webhooks.json` by a test). A reason not listed here reconnects. `AgentRTM` and
 * `CustomerRTM` hand their list to the client (the `disconnect` option).
 *
 * Note the two APIs differ: `connection_evicted` and `access_token_revoked` end an agent session but
 * a customer reconnects.
 *
 * @see https://platform.text.com/docs/messaging/agent-chat-api/rtm-pushes#agent-disconnected
 * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#customer-disconnected
 */
export const DISCONNECT_REASONS: { readonly [A in RTMApi]: Readonly<Record<string, boolean>> } = {
  agent: /* @__PURE__ */ table(
    'access_token_expired connection_timeout internal_error too_many_unauthorized_connections role_permissions_changed',
    AGENT_SESSION_ENDS,
  ),
  customer: /* @__PURE__ */ table(
    'access_token_revoked access_token_expired connection_evicted connection_timeout internal_error service_temporarily_unavailable too_many_unauthorized_connections',
    CUSTOMER_SESSION_ENDS,
  ),
};

/** `{ reason: true }` for each reason after which the client reconnects, `{ reason: false }` for the others. */
function table(reconnect: string, end: readonly string[]): Record<string, boolean> {
  const t: Record<string, boolean> = {};
  for (const r of reconnect.split(' ')) t[r] = true;
  for (const r of end) t[r] = false;
  return t;
}

/** Whether a disconnect `reason` of the given API leads to a reconnect (unknown reasons do). */
export function reconnectsAfter(api: RTMApi, reason: string): boolean {
  return !(api === 'agent' ? AGENT_SESSION_ENDS : CUSTOMER_SESSION_ENDS).includes(reason);
}
