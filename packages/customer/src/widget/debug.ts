/** Where {@link debugClient} writes: `console.info` by default. */
export type DebugLog = (...entry: unknown[]) => void;

/** What a client may offer for its pushes and lifecycle (`CustomerRTM` has both; `CustomerWeb` neither). */
interface Observable {
  onAny?(handler: (frame: { action: string; payload: unknown }) => void): () => void;
  onEvent?(event: string, handler: (payload: unknown) => void): () => void;
}

const LIFECYCLE = ['state', 'ready', 'close', 'reconnecting', 'disconnected', 'error'] as const;

/**
 * The client, logging what it does while a widget is developed: each method call with its payload
 * (`→ sendEvent {…}`), its result or error (`← sendEvent {…}`, `✗ sendEvent Error`), every push
 * (`⇐ incoming_event {…}`) and every lifecycle event (`· state {…}`). Tokens never appear: they come
 * from the token getter, never through a method. Not for production pages: it logs chat content.
 *
 * ```ts
 * const rtm = debugClient(new CustomerRTM(undefined, tokens));
 * ```
 */
export function debugClient<C extends object>(client: C, log: DebugLog = console.info): C {
  const observable = client as Observable;
  observable.onAny?.((frame) => log('⇐', frame.action, frame.payload));
  for (const event of LIFECYCLE) observable.onEvent?.(event, (payload) => log('·', event, payload));
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      // Internal members (`_call`) and symbols are left alone; methods run on the client itself, so
      // one call is logged once even when it calls other methods.
      if (typeof value !== 'function' || typeof property !== 'string' || property.startsWith('_')) return value;
      return (...args: unknown[]) => {
        log('→', property, ...args);
        const result: unknown = Reflect.apply(value, target, args);
        if (typeof (result as Promise<unknown> | undefined)?.then !== 'function') return result;
        return (result as Promise<unknown>).then(
          (answer) => {
            log('←', property, answer);
            return answer;
          },
          (error: unknown) => {
            log('✗', property, error);
            throw error;
          },
        );
      };
    },
  });
}
