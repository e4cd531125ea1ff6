import { AbortError, ConnectionError, InputError, TimeoutError } from '../errors/index.js';

import type { RequestOptions } from '../web/types.js';
import { Listeners } from './listeners.js';
import type { WebSocketLike } from './types.js';

/** Whole milliseconds on the monotonic clock (immune to wall-clock jumps). */
export const now = (): number => Math.floor(performance.now());

/**
 * A request (or a `connect()` / first `login()` caller waiting, see the client) until it settles.
 * `deadline_` is when it times out; for a request given up on after sending (`HELD`), when its slot
 * is free again.
 */
export interface PendingRequest {
  /** The `request_id` on the wire (`''` for a waiter). */
  requestId_: string;
  action_: string;
  /** The frame to send; a function for a frame that holds a token (a closure never shows in logs or `inspect`). */
  frame_: string | (() => string);
  /** When it was created (clock ms). */
  createdAt_: number;
  deadline_: number;
  status_: RequestStatus;
  resolve_: (value: unknown) => void;
  reject_: (error: Error) => void;
  signal_: AbortSignal | undefined;
  onAbort_: (() => void) | undefined;
  promise_: Promise<any>;
  /** The next request in the queue. */
  next_: PendingRequest | undefined;
}
/** Waiting to be sent, sent, given up on but maybe still worked on by the server, settled. */
export const QUEUED = 0;
export const SENT = 1;
export const HELD = 2;
export const DONE = 3;
type RequestStatus = typeof QUEUED | typeof SENT | typeof HELD | typeof DONE;

/** The platform's own request timeout (15 s): a request given up on keeps its slot until then, plus 1 s. */
const SERVER_TIMEOUT = 15_000;

/**
 * The request queue, the second layer of the RTM client: builds each request's frame, sends it while
 * fewer than `maxPending_` requests are in flight (the platform's limit) and queues the rest in
 * order, settles each exactly once, and keeps the slot of a request given up on after sending until
 * the server must be done with it. It sends only to `writable_`, which the lifecycle sets while the
 * client is `ready`.
 */
export abstract class RequestQueue extends Listeners {
  declare readonly api: string;
  declare apiVersion_: string;
  declare requestTimeout_: number;
  declare maxPending_: number;
  /** Request ids are `<prefix><n>`: unique per client. */
  idPrefix_ = `${Math.random().toString(36).slice(2, 8)}.`;
  lastId_ = 0;
  /** The socket requests go out on: set by the lifecycle only while `ready`. */
  declare writable_: WebSocketLike | undefined;
  /** Sent (and held) requests by id (created on first use). */
  declare inFlight_: Map<string, PendingRequest> | undefined;
  /** Requests waiting to be sent: a list from `queueHead_` through `next_` to `queueTail_`. */
  declare queueHead_: PendingRequest | undefined;
  declare queueTail_: PendingRequest | undefined;

  /** Makes the client's one timer fire at `at` (clock ms) or earlier. */
  abstract arm_(at: number): void;
  /** The caller's signal aborted `request`. */
  abstract abort_(request: PendingRequest): void;

  nextId_(): string {
    return this.idPrefix_ + ++this.lastId_;
  }

  /** Creates a request, login or connect() waiter with its deadline and abort listener. */
  createRequest_(
    action: string,
    options: RequestOptions | undefined,
    requestId = '',
    frame: PendingRequest['frame_'] = '',
  ): PendingRequest {
    const ms = options?.timeout ?? this.requestTimeout_;
    const signal = options?.signal;
    if (signal?.aborted) throw new AbortError({ action, cause: signal.reason });
    const createdAt = now();
    let request!: PendingRequest;
    const promise = new Promise((resolve_, reject_) => {
      request = {
        requestId_: requestId,
        action_: action,
        frame_: frame,
        createdAt_: createdAt,
        deadline_: createdAt + ms,
        status_: QUEUED,
        resolve_,
        reject_,
        signal_: signal,
        onAbort_: undefined,
        promise_: undefined!,
        next_: undefined,
      };
    });
    request.promise_ = promise;
    if (signal) signal.addEventListener('abort', (request.onAbort_ = () => this.abort_(request)), { once: true });
    this.arm_(request.deadline_);
    return request;
  }

  /** Sends `action` now, or queues it. `secret`: the payload holds a token; its frame is kept in a closure until sent. */
  enqueue_(action: string, payload: object, options: RequestOptions | undefined, secret?: boolean): Promise<any> {
    const requestId = this.nextId_();
    const version = options?.apiVersion;
    let frame: string;
    try {
      frame = JSON.stringify(
        version === undefined
          ? { request_id: requestId, action, payload }
          : { version, request_id: requestId, action, payload },
      );
    } catch (cause) {
      throw new InputError(`${action}: payload is not JSON-serializable`, { action, field: 'payload', cause });
    }
    const request = this.createRequest_(action, options, requestId, secret ? () => frame : frame);
    if (this.writable_ && !this.queueHead_ && (this.inFlight_?.size ?? 0) < this.maxPending_) this.send_(request);
    else if (this.queueTail_) this.queueTail_ = this.queueTail_.next_ = request;
    else this.queueHead_ = this.queueTail_ = request;
    return request.promise_;
  }

  send_(request: PendingRequest): void {
    const inFlight = this.inFlight_ || (this.inFlight_ = new Map());
    request.status_ = SENT;
    inFlight.set(request.requestId_, request);
    try {
      const frame = request.frame_;
      request.frame_ = ''; // never re-sent
      const text = typeof frame === 'string' ? frame : frame();
      this.writable_!.send(text);
    } catch (cause) {
      inFlight.delete(request.requestId_);
      this.settle_(
        request,
        new ConnectionError(`Could not send ${request.action_}`, { action: request.action_, cause }),
      );
    }
  }

  /** Sends queued requests while there are free slots (sent and held requests take one each). */
  pump_(): void {
    let request: PendingRequest | undefined;
    while (this.writable_ && (request = this.queueHead_) && (this.inFlight_?.size ?? 0) < this.maxPending_) {
      if (!(this.queueHead_ = request.next_)) this.queueTail_ = undefined;
      request.next_ = undefined;
      if (request.status_ === QUEUED) this.send_(request);
    }
  }

  /** The server answered `requestId`: settles it (a held request's late answer only frees its slot). */
  answered_(request: PendingRequest, error: Error | undefined, payload: unknown): void {
    const sent = request.status_ === SENT;
    this.inFlight_!.delete(request.requestId_);
    if (sent) this.settle_(request, error, payload === undefined ? {} : payload);
    this.pump_();
  }

  settle_(request: PendingRequest, error?: Error, value?: unknown): void {
    if (request.status_ > SENT) return;
    request.status_ = DONE;
    request.frame_ = ''; // a settled request still in the queue keeps nothing
    if (request.onAbort_) request.signal_!.removeEventListener('abort', request.onAbort_);
    if (error) request.reject_(error);
    else request.resolve_(value);
  }

  /**
   * The caller gives up on a request (timeout, abort): it rejects at once. If it was sent, the server
   * may still be working on it, so its slot stays taken (`HELD`) until its late answer or the server's timeout.
   */
  giveUp_(request: PendingRequest, error: Error, t = now()): void {
    const sent = request.status_ === SENT;
    this.settle_(request, error);
    if (sent) {
      request.status_ = HELD;
      this.arm_((request.deadline_ = Math.max(t, request.createdAt_ + SERVER_TIMEOUT) + 1000));
    }
  }

  /** Times out every request whose deadline passed, frees held slots whose time is up. */
  expireRequests_(t: number, due: (at: number) => boolean): void {
    this.inFlight_?.forEach((request, id, inFlight) => {
      if (!due(request.deadline_)) return;
      if (request.status_ === HELD) inFlight.delete(id);
      else this.giveUp_(request, timedOut(request), t);
    });
    for (let r = this.queueHead_; r; r = r.next_)
      if (r.status_ === QUEUED && due(r.deadline_)) this.settle_(r, timedOut(r));
  }

  /** Takes out every request sent on the socket (it is gone, or the session ends) for the caller to settle. */
  takeInFlight_(): Iterable<PendingRequest> {
    const inFlight = this.inFlight_;
    this.inFlight_ = undefined;
    return inFlight?.values() ?? [];
  }
}

export const timedOut = (request: PendingRequest): TimeoutError =>
  new TimeoutError(request.deadline_ - request.createdAt_, { action: request.action_ });
