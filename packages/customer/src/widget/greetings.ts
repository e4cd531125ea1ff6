import type { CallOptions } from '../options.js';
import type { CustomerRTM } from '../rtm.js';
import type { Greeting } from '../types/index.js';
import { checkId, invalidInput } from './check.js';

/** What the greeting helpers need: `CustomerRTM` fits (and `CustomerWeb` for accept/cancel). */
export type GreetingClient = Pick<CustomerRTM, 'acceptGreeting' | 'cancelGreeting'>;

/** Answers to one greeting, bound to it. */
export interface GreetingActions {
  /** The customer saw it (`accept_greeting` with its `id` and `unique_id`): Reports count it as seen. */
  accept(options?: CallOptions): Promise<void>;
  /** The customer dismissed it (`cancel_greeting` with its `unique_id`). */
  cancel(options?: CallOptions): Promise<void>;
}

/**
 * Accept and cancel for one greeting (`incoming_greeting` push, or `greeting` of the login response).
 * Bad input (a greeting without `id` or `unique_id`) is an `InputError` before anything is sent.
 */
export function greetingActions(client: GreetingClient, greeting: Pick<Greeting, 'id' | 'unique_id'>): GreetingActions {
  const { id, unique_id } = (greeting ?? {}) as Partial<Greeting>;
  const checked = (action: string): void => {
    checkId('greetingActions', action, 'unique_id', unique_id);
    if (action === 'accept_greeting' && !Number.isInteger(id))
      invalidInput('greetingActions', action, 'id', 'the greeting ID (an integer)');
  };
  return {
    async accept(options) {
      checked('accept_greeting');
      await client.acceptGreeting({ greeting_id: id!, unique_id: unique_id! }, options);
    },
    async cancel(options) {
      checked('cancel_greeting');
      await client.cancelGreeting({ unique_id: unique_id! }, options);
    },
  };
}

/**
 * Calls `handler` once per greeting the customer gets: each `incoming_greeting` push, and a greeting
 * not yet accepted in the `login` response (sent before the page subscribed). Returns the
 * unsubscribe function.
 *
 * ```ts
 * onGreeting(rtm, (greeting, { accept, cancel }) => {
 *   showBubble(greeting.event, { onOpen: () => accept(), onClose: () => cancel() });
 * });
 * ```
 */
export function onGreeting(
  rtm: GreetingClient & Pick<CustomerRTM, 'on' | 'onEvent'>,
  handler: (greeting: Greeting, actions: GreetingActions) => void,
): () => void {
  const handled = new Set<string>();
  const deliver = (greeting: Greeting | undefined): void => {
    if (!greeting || typeof greeting.unique_id !== 'string' || handled.has(greeting.unique_id)) return;
    handled.add(greeting.unique_id);
    handler(greeting, greetingActions(rtm, greeting));
  };
  const offPush = rtm.on('incoming_greeting', deliver);
  const offReady = rtm.onEvent('ready', ({ payload }) => {
    const greeting = (payload as { greeting?: Greeting } | undefined)?.greeting;
    if (greeting && greeting.accepted !== true) deliver(greeting);
  });
  return () => {
    offPush();
    offReady();
  };
}
