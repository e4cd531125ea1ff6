// The Configuration API 3.7 response types: 3.6's (every 3.6 method answers the same at 3.7, see
// spec/CHANGES-3.7.md) plus the 11 methods 3.7 adds, typed from their 3.7 reference samples.
import type { CannedResponse } from '@lc/core';
import type { BatchResult } from './batch.js';
import type { ConfigurationResponses } from './index.js';
import type { EmptyResponse } from './structures.js';

export type * from './index.js';
export type { CannedResponse } from '@lc/core';

/** `create_canned_response` (API 3.7). */
export interface CreateCannedResponseResponse {
  id: number;
}

/** `list_canned_responses` (API 3.7). */
export interface ListCannedResponsesResponse {
  canned_responses: CannedResponse[];
  /** The total number of canned responses that match. */
  found_canned_responses: number;
  /** Present only when there are more results; pass it as `page_id`. */
  next_page_id?: string;
}

/** `list_allowed_domains` (API 3.7). */
export interface ListAllowedDomainsResponse {
  domains: string[];
}

/** `list_translations` (API 3.7): phrase key → text for one group and language. */
export interface ListTranslationsResponse {
  phrases: Record<string, string>;
}

/** What each Configuration API 3.7 method resolves with: 3.6's methods plus the 11 that 3.7 adds. */
export interface ConfigurationResponses3_7 extends ConfigurationResponses {
  batch_update_translations: BatchResult<EmptyResponse>;
  add_allowed_domain: EmptyResponse;
  list_allowed_domains: ListAllowedDomainsResponse;
  delete_allowed_domain: EmptyResponse;
  ban_customer: EmptyResponse;
  create_canned_response: CreateCannedResponseResponse;
  update_canned_response: EmptyResponse;
  list_canned_responses: ListCannedResponsesResponse;
  delete_canned_response: EmptyResponse;
  update_translations: EmptyResponse;
  list_translations: ListTranslationsResponse;
}
