import { ChatClient } from '../chat/client.js';
import { ListenerError } from './errors.js';
import { invalid } from './options.js';
import type { PushFrame, RTMEvents } from './types.js';

export type Handler = (a: any, b?: any) => void;

/**
 * Push handlers (`on`, `onAny`) and lifecycle listeners (`onEvent`): the first layer of the RTM
 * client, over what every Chat client has (`call` routed to `_call`, `paginate`: the RTM client is
 * the Chat RTM client, see chat/rtm.ts). Lists are copied on every change, so a handler that
 * subscribes or unsubscribes while a push is dispatched never changes the list being run. A handler
 * that throws never stops the others: it is reported through the `error` event as a `ListenerError`.
 */
export abstract class Listeners extends ChatClient<any> {
  /** Push handlers by action; `''` holds the `onAny` handlers, also kept in `anyHandlers_` for the hot path. */
  declare pushHandlers_: Map<string, Handler[]> | undefined;
  declare anyHandlers_: Handler[] | undefined;
  /** Lifecycle listeners by event. */
  declare eventListeners_: Map<string, Handler[]> | undefined;

  on(push: string, handler: (payload: never, frame: never) => void): () => void {
    if (typeof push !== 'string' || !push) invalid('push');
    return this.subscribe_(this.pushHandlers_ || (this.pushHandlers_ = new Map()), push, handler as Handler);
  }

  onAny(handler: (frame: PushFrame) => void): () => void {
    return this.subscribe_(this.pushHandlers_ || (this.pushHandlers_ = new Map()), '', handler);
  }

  onEvent<K extends keyof RTMEvents>(event: K, handler: (payload: RTMEvents[K]) => void): () => void {
    return this.subscribe_(this.eventListeners_ || (this.eventListeners_ = new Map()), event, handler);
  }

  subscribe_(map: Map<string, Handler[]>, key: string, handler: Handler): () => void {
    if (typeof handler !== 'function') invalid('handler');
    map.set(key, [...(map.get(key) ?? []), handler]);
    this.anyHandlers_ = this.pushHandlers_?.get('');
    let subscribed = true;
    return () => {
      const list = map.get(key) ?? [];
      const i = list.indexOf(handler);
      if (subscribed && i >= 0) {
        subscribed = false;
        if (list.length > 1) map.set(key, list.slice(0, i).concat(list.slice(i + 1)));
        else map.delete(key);
        this.anyHandlers_ = this.pushHandlers_?.get('');
      }
    };
  }

  /** Hands a push to the handlers of its action (payload, frame), then to the `onAny` handlers (frame). */
  dispatchPush_(action: string, frame: { payload?: unknown }): void {
    const handlers = this.pushHandlers_?.get(action);
    if (handlers) this.runHandlers_(handlers, action, action, frame.payload, frame);
    if (this.anyHandlers_) this.runHandlers_(this.anyHandlers_, action, action, frame);
  }

  /** Calls every handler; one that throws is reported as a ListenerError (dropped for `error` listeners). */
  runHandlers_(list: Handler[] | undefined, name: string, action: string | undefined, a: unknown, b?: unknown): void {
    if (list) {
      for (const h of list) {
        try {
          h(a, b);
        } catch (cause) {
          if (action || name !== 'error') this.report_(new ListenerError(name, { action, cause }));
        }
      }
    }
  }

  emit_<K extends keyof RTMEvents>(event: K, payload: RTMEvents[K]): void {
    this.runHandlers_(this.eventListeners_?.get(event), event, undefined, payload);
  }

  /** Something went wrong that is not tied to one request: the `error` event (dropped without listeners). */
  report_(error: Error): void {
    this.emit_('error', { error });
  }
}
