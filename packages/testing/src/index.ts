export { Simulator, startSimulator } from './simulator.js';
// Every shape a running simulator hands out (seeded users, connection info, fault options).
export type * from './simulator-types.js';
export type { AgentSeed, SimulatorOptions } from './options.js';
export type { FailOptions, FaultFilter, RateLimitOptions } from './faults.js';
export type { RequestLogEntry } from './platform.js';
export type { WebhookDelivery } from './webhooks.js';
export type { SocketFilter } from './rtm/server.js';
export type { RtmApi } from './rtm/connection.js';
export type { ApiName, Transport } from './spec.js';
export type { RoutingStatus } from './store.js';
export type { CartInput, CartRecord } from './carts.js';
