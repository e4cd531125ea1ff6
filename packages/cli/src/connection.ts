import type { Token, TokenGetter } from '@lc/core';
import { MissingCredentialsError } from './errors.js';
import { readStored } from './credentials.js';
import { addSecret } from './output.js';

/** Where and as whom `lc` connects: from flags, the environment and `lc login`. */
export interface Connection {
  /** Base URL of the Web API (`--api-url`, `LC_API_URL`); undefined: the platform's. */
  apiUrl: string | undefined;
  /** The same host as a WebSocket URL, for RTM. */
  wsUrl: string | undefined;
  /** The accounts service (`LC_ACCOUNTS_URL`, else the `--api-url` host, which the simulator serves). */
  accountsUrl: string | undefined;
  apiVersion: string | undefined;
}

export function connectionFrom(flags: { apiUrl?: string; apiVersion?: string }, env = process.env): Connection {
  const apiUrl = flags.apiUrl ?? (env.LC_API_URL || undefined);
  return {
    apiUrl,
    wsUrl: apiUrl?.replace(/^http/, 'ws'),
    accountsUrl: env.LC_ACCOUNTS_URL || apiUrl,
    apiVersion: flags.apiVersion ?? (env.LC_API_VERSION || undefined),
  };
}

function bearer(accessToken: string, organizationID: string, region: string | undefined): TokenGetter {
  addSecret(accessToken);
  const token: Token = { accessToken, organizationID, tokenType: 'Bearer', region };
  return () => token;
}

/**
 * The token getter for `api`, first match wins:
 * 1. `LC_CUSTOMER_TOKEN` (Customer Chat API only: it needs a customer's token);
 * 2. `LC_TOKEN` (a Bearer token: OAuth, bot) with `LC_ORGANIZATION_ID`;
 * 3. `LC_ACCOUNT_ID` + `LC_PAT` (a Personal Access Token);
 * 4. the PAT stored by `lc login`.
 * `bearerOnly`: the RTM login takes an OAuth token only (the docs), so 3 and 4 do not apply.
 * Every secret is registered with the output redactor before it can reach any output.
 */
export async function tokenGetterFor(
  api: string,
  connection: Connection,
  { bearerOnly = false } = {},
  env = process.env,
): Promise<TokenGetter> {
  const organization = env.LC_ORGANIZATION_ID || '';
  const region = env.LC_REGION || undefined;
  if (api === 'customer' && env.LC_CUSTOMER_TOKEN) return bearer(env.LC_CUSTOMER_TOKEN, organization, region);
  if (env.LC_TOKEN) return bearer(env.LC_TOKEN, organization, region);
  if (bearerOnly) {
    const variable = api === 'customer' ? 'LC_CUSTOMER_TOKEN' : 'LC_TOKEN';
    throw new MissingCredentialsError(`an OAuth (Bearer) token is needed here, not a PAT: set ${variable}`, {
      field: 'getter',
    });
  }
  const stored = env.LC_PAT ? undefined : await readStored(env);
  const accountId = env.LC_PAT ? env.LC_ACCOUNT_ID : stored?.account_id;
  const pat = env.LC_PAT || stored?.pat;
  if (!pat || !accountId) {
    throw new MissingCredentialsError(env.LC_PAT ? 'LC_PAT is set but LC_ACCOUNT_ID is not' : 'no credentials', {
      field: 'getter',
    });
  }
  return patGetter(accountId, pat, {
    organizationId: organization || stored?.organization_id,
    region,
    accountsUrl: connection.accountsUrl,
  });
}

/** A PAT token getter, with the PAT and its Basic form registered as secrets. */
export async function patGetter(
  accountId: string,
  pat: string,
  options: { organizationId?: string | undefined; region?: string | undefined; accountsUrl?: string | undefined },
): Promise<TokenGetter> {
  addSecret(pat);
  addSecret(Buffer.from(`${accountId}:${pat}`).toString('base64'));
  const { tokenGetterFromPAT } = await import('@lc/pat');
  return tokenGetterFromPAT(accountId, pat, options);
}
