import type { RequestOptions } from '../web/types.js';
import type { UploadFileInput } from './upload.js';

/**
 * Options of one call: abort signal, timeout, extra headers, and `apiVersion` (send this call to
 * another API version, e.g. `'3.7'` for a developer-preview action; over RTM the frame carries it).
 */
export type CallOptions = RequestOptions;

/**
 * The untyped `call` overload refuses a known action's name, so a known action's payload is always
 * checked (and an action of the other transport, e.g. `logout` over Web, is a compile error).
 */
export type UnknownAction<A extends string, Known extends string> = A extends Known ? never : A;

/** The `(payload, options)` arguments of a typed call; the payload is optional when no field is required. */
export type CallArgs<P, O = CallOptions> =
  Record<never, never> extends P ? [payload?: P, options?: O] : [payload: P, options?: O];

/** `Map[Key]`, or `never` when `Map` has no such key (lets a generic client index the package's maps). */
export type Entry<Map, Key> = Key extends keyof Map ? Map[Key] : never;

/** The payload a Chat Web client's `call(action, payload)` takes: `upload_file` takes {@link UploadFileInput}. */
export type ChatWebPayload<Requests, A> = A extends 'upload_file' ? UploadFileInput : Entry<Requests, A>;

/** The payload a Chat RTM client's `call(action, payload)` takes: `login` without `token` (the getter supplies it). */
export type ChatRTMPayload<Requests, A> = A extends 'login'
  ? Omit<Entry<Requests, 'login'>, 'token'>
  : Entry<Requests, A>;

/**
 * The type maps one Chat API package hands its clients ({@link ChatWeb}, {@link ChatRTM}): what each
 * action takes and answers, which actions the transport has, which are paginated, and its pushes.
 */
export interface ChatTypes {
  /** Action name → request payload (the docs' wire names). */
  Requests: object;
  /** Action name → response payload. */
  Responses: object;
  /** Action name → the payload `call(action, payload)` takes on this transport (its keys: the transport's actions). */
  Payloads: object;
  /** The actions whose responses carry `next_page_id`. */
  Paginated: string;
  /** Push name → payload (RTM). */
  Pushes: object;
}

/** The {@link ChatTypes} of a Web client: its actions' payloads follow {@link ChatWebPayload}. */
export interface ChatWebTypes<
  Requests extends object,
  Responses extends object,
  Action extends string,
  Paginated extends string,
> extends ChatTypes {
  Requests: Requests;
  Responses: Responses;
  Payloads: { [A in Action]: ChatWebPayload<Requests, A> };
  Paginated: Paginated;
  Pushes: Record<never, never>;
}

/**
 * The {@link ChatTypes} of an RTM client; `Payloads` defaults to {@link ChatRTMPayload} of each action
 * (a package passes its own map where an action takes another payload).
 */
export interface ChatRTMTypes<
  Requests extends object,
  Responses extends object,
  Pushes extends object,
  Action extends string,
  Paginated extends string,
  Payloads extends object = { [A in Action]: ChatRTMPayload<Requests, A> },
> extends ChatTypes {
  Requests: Requests;
  Responses: Responses;
  Payloads: Payloads;
  Paginated: Paginated;
  Pushes: Pushes;
}
