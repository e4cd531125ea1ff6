import { assertNotBanned } from './actions/bans.js';
import type { Principal } from './auth.js';
import { SimError } from './errors.js';
import type { Platform } from './platform.js';
import type { ApiName } from './spec.js';

export const API_NAMES: Record<ApiName, string> = {
  agent: 'Agent Chat API',
  customer: 'Customer Chat API',
  configuration: 'Configuration API',
  reports: 'Reports API',
};

/** Whether this kind of token may call this API, and whether its user still exists. */
export function checkPrincipal(p: Platform, api: ApiName, principal: Principal, action?: string): void {
  if (api === 'customer') {
    if (principal.kind !== 'customer')
      throw new SimError('authentication', 'The Customer Chat API needs a customer access token');
    if (!p.store.customers.has(principal.id))
      throw new SimError('authentication', 'The customer of this token no longer exists');
    assertNotBanned(p, principal.id);
    return;
  }
  if (principal.kind !== 'agent')
    throw new SimError(
      'authentication',
      `The ${API_NAMES[api]} needs an agent access token or a personal access token`,
    );
  if (principal.bot && api !== 'agent')
    throw new SimError('authorization', `Bot tokens cannot be used with the ${API_NAMES[api]}`);
  const agent = p.store.agents.get(principal.id);
  if (!agent) throw new SimError('authentication', 'The agent of this token no longer exists');
  // A suspended agent may still ask to be unsuspended (docs: Request Agent Unsuspension).
  if (agent.suspended && action !== 'request_agent_unsuspension')
    throw new SimError('authorization', 'The agent is suspended');
}
