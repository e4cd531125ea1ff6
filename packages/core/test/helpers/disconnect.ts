// The `disconnect` option AgentRTM and CustomerRTM pass, for tests that create the core client directly.
import { AGENT_SESSION_ENDS, CUSTOMER_SESSION_ENDS, type DisconnectOptions, type RTMApi } from '../../src/index.js';

export const DISCONNECT: { readonly [A in RTMApi]: DisconnectOptions } = {
  agent: { push: 'agent_disconnected', endsAfter: AGENT_SESSION_ENDS },
  customer: { push: 'customer_disconnected', endsAfter: CUSTOMER_SESSION_ENDS },
};
