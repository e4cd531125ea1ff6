import {
  ApiError,
  AuthenticationError,
  AuthorizationError,
  ConnectionError,
  InputError,
  LcError,
  MisdirectedRequestError,
  TimeoutError,
  TokenError,
} from '@lc/core';
import { writeErr } from './output.js';

/** The exit codes of `lc` (also in the README). */
export const EXIT = {
  ok: 0,
  /** The platform answered with an error, or something else failed. */
  api: 1,
  /** Bad command line or payload: nothing was sent. */
  usage: 2,
  /** No answer: connection refused or dropped, timeout. */
  network: 3,
  /** Missing, invalid or insufficient credentials. */
  auth: 4,
  /** Interrupted (Ctrl+C) while a request was in flight. */
  interrupted: 130,
} as const;

/** A bad command line: unknown command or flag, a payload that is not JSON or lacks a required field. */
export class UsageError extends InputError {
  override get name(): string {
    return 'UsageError';
  }
  /** What to run to learn the right usage, e.g. `lc agent send_event --help`. */
  declare readonly help: string | undefined;
  constructor(message: string, help?: string) {
    super(message);
    this.help = help;
  }
}

/** No credentials were found for a command that needs them. */
export class MissingCredentialsError extends TokenError {
  override get name(): string {
    return 'MissingCredentialsError';
  }
}

const AUTH_HINT =
  'set LC_ACCOUNT_ID and LC_PAT (or run `lc login`), or LC_TOKEN with LC_ORGANIZATION_ID; LC_API_URL for the simulator';

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof TokenError || error instanceof AuthenticationError || error instanceof AuthorizationError)
    return EXIT.auth;
  // The accounts service's own errors (a PAT it does not know) are about credentials too.
  if (error instanceof ApiError && error.name === 'AccountsError') return EXIT.auth;
  if (error instanceof InputError) return EXIT.usage;
  if (error instanceof ConnectionError || error instanceof TimeoutError) return EXIT.network;
  return EXIT.api;
}

function hintOf(error: unknown): string | undefined {
  if (error instanceof UsageError) return error.help && `see \`${error.help}\``;
  if (error instanceof MisdirectedRequestError)
    return `the organization lives in region "${error.region ?? '?'}": set LC_REGION=${error.region ?? '<region>'}`;
  if (error instanceof AuthorizationError) return 'the token lacks a scope or role this action needs (see --help)';
  if (exitCodeOf(error) === EXIT.auth) return AUTH_HINT;
  if (error instanceof ConnectionError) return 'is the API URL right (--api-url / LC_API_URL) and the server up?';
  return undefined;
}

/** One line: `lc: <where>: <type>: <message> (hint: …)`; the stack only with `--debug`. */
export function reportError(error: unknown, where: string, debug: boolean): number {
  const type = error instanceof ApiError ? error.type : error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const hint = hintOf(error);
  writeErr(`lc: ${where ? `${where}: ` : ''}${type}: ${message}${hint ? ` (hint: ${hint})` : ''}\n`);
  if (debug && error instanceof Error) {
    writeErr(`${error.stack ?? ''}\n`);
    if (error instanceof LcError) writeErr(`${JSON.stringify(error)}\n`);
  }
  return exitCodeOf(error);
}
