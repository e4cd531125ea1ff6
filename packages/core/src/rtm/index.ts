export { callWithToken } from './call-with-token.js';
export { createRTMClient } from './client.js';
export {
  AGENT_SESSION_ENDS,
  CUSTOMER_SESSION_ENDS,
  DISCONNECT_REASONS,
  reconnectsAfter,
} from './disconnect-reasons.js';
export { ListenerError, ProtocolError } from './errors.js';
export { type RTMHooks, rtmHooks } from './hooks.js';
export type {
  CreateRTMClient,
  DisconnectOptions,
  PushFrame,
  ReconnectOptions,
  RTMApi,
  RTMClient,
  RTMClientOptions,
  RTMEvents,
  RTMState,
  WebSocketConstructor,
  WebSocketLike,
} from './types.js';
