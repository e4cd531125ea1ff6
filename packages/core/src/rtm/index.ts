export { callWithToken, createRTMClient } from './client.js';
export { DISCONNECT_REASONS, reconnectsAfter } from './disconnect-reasons.js';
export { ListenerError, ProtocolError } from './errors.js';
export type {
  CreateRTMClient,
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
