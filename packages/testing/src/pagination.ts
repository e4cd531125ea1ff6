import { invalid } from './errors.js';
import { secret } from './util.js';

interface PageState {
  /** The action and requester the page belongs to. */
  owner: string;
  params: Record<string, unknown>;
  offset: number;
}

export interface PageRequest {
  /** `<api>/<action>/<requester id>`: a page id only works for the list and user that made it. */
  owner: string;
  payload: Record<string, unknown>;
  defaultLimit: number;
  maxLimit: number;
  /** Keys that may accompany `page_id` (e.g. `chat_id` for `list_threads`); every other key is an error. */
  allowedWithPageId?: readonly string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  next_page_id?: string;
  previous_page_id?: string;
  params: Record<string, unknown>;
}

const MAX_PAGES = 10_000;

/**
 * Cursor pagination as the docs describe it: the first request carries `filters`, `limit`,
 * `sort_order`; the response has `next_page_id` / `previous_page_id` when such a page exists;
 * later requests send only `page_id` (anything else with it is a `validation` error).
 */
export class Pager {
  private readonly pages = new Map<string, PageState>();

  /** The parameters of this request: those remembered by `page_id`, or the request's own. */
  resolve(request: PageRequest): { params: Record<string, unknown>; offset: number; limit: number } {
    const { payload } = request;
    if (payload.page_id !== undefined) {
      const extra = Object.keys(payload).filter(
        (k) => k !== 'page_id' && !(request.allowedWithPageId ?? []).includes(k),
      );
      if (extra.length) {
        throw invalid(
          `Wrong format of request: "page_id" cannot be combined with ${extra.map((k) => `"${k}"`).join(', ')}; send only "page_id" for the next pages`,
        );
      }
      if (typeof payload.page_id !== 'string') throw invalid('Wrong format of request: "page_id" must be a string');
      const state = this.pages.get(payload.page_id);
      if (!state || state.owner !== request.owner)
        throw invalid('Wrong format of request: "page_id" is invalid or expired');
      return { params: state.params, offset: state.offset, limit: state.params.limit as number };
    }
    const limit = payload.limit ?? request.defaultLimit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > request.maxLimit) {
      throw invalid(`Wrong format of request: "limit" must be an integer from 1 to ${request.maxLimit}`);
    }
    const sortOrder = payload.sort_order ?? 'desc';
    if (sortOrder !== 'asc' && sortOrder !== 'desc')
      throw invalid('Wrong format of request: "sort_order" must be "asc" or "desc"');
    return { params: { ...payload, limit, sort_order: sortOrder }, offset: 0, limit };
  }

  /** Cuts one page out of `all` and mints the page ids around it. */
  page<T>(
    request: PageRequest,
    resolved: { params: Record<string, unknown>; offset: number; limit: number },
    all: T[],
  ): Page<T> {
    const { params, offset, limit } = resolved;
    const page: Page<T> = { items: all.slice(offset, offset + limit), total: all.length, params };
    if (offset + limit < all.length) page.next_page_id = this.mint(request.owner, params, offset + limit);
    if (offset > 0) page.previous_page_id = this.mint(request.owner, params, Math.max(0, offset - limit));
    return page;
  }

  private mint(owner: string, params: Record<string, unknown>, offset: number): string {
    if (this.pages.size >= MAX_PAGES) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
    const id = Buffer.from(`${offset}:${secret(9)}`).toString('base64');
    this.pages.set(id, { owner, params, offset });
    return id;
  }
}
