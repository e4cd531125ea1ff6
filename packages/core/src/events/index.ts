/** A listener map: event name → payload type. */
export type EventMap = Record<string, unknown>;

export type Listener<T> = (payload: T) => void;

/**
 * A small typed event emitter. A listener that throws never stops the others: the error goes to
 * `onListenerError` (the clients route it to their `error` event).
 */
export class Emitter<E extends EventMap> {
  #listeners = new Map<keyof E, Set<Listener<never>>>();
  #onListenerError: ((error: unknown, event: keyof E) => void) | undefined;

  constructor(onListenerError?: (error: unknown, event: keyof E) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => this.off(event, listener);
  }

  /** Adds a listener that runs once. */
  once<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    const off = this.on(event, (payload) => {
      off();
      listener(payload);
    });
    return off;
  }

  off<K extends keyof E>(event: K, listener: Listener<E[K]>): void {
    const set = this.#listeners.get(event);
    if (set?.delete(listener as Listener<never>) && set.size === 0) this.#listeners.delete(event);
  }

  /** Whether anyone listens to `event`. */
  has(event: keyof E): boolean {
    return this.#listeners.has(event);
  }

  emit<K extends keyof E>(event: K, payload: E[K]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of set) {
      try {
        (listener as Listener<E[K]>)(payload);
      } catch (error) {
        if (this.#onListenerError) this.#onListenerError(error, event);
        else queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  removeAll(): void {
    this.#listeners.clear();
  }
}
