import type { ClientHooks, RequestOptions, TokenGetter } from '@lc/core';
import type { ActionSpec } from '../table.js';

/** The options `lc` gives every Web client. `hooks` is the SDK's observer option (`ClientHooks`). */
export interface ClientSettings {
  apiUrl: string | undefined;
  apiVersion: string;
  timeout: number | undefined;
  hooks: ClientHooks | undefined;
}

/** The one call and the one page iterator `lc` needs of any API's client. */
export interface ActionClient {
  call(name: string, action: ActionSpec, payload: object, options: RequestOptions): Promise<unknown>;
  pages(name: string, payload: object, options: RequestOptions): AsyncIterable<unknown>;
}

/** Client options without the unset ones (the clients take `exactOptionalPropertyTypes` seriously). */
function optionsOf(settings: ClientSettings) {
  const options: Record<string, unknown> = { apiVersion: settings.apiVersion };
  if (settings.apiUrl !== undefined) options.apiUrl = settings.apiUrl;
  if (settings.timeout !== undefined) options.timeout = settings.timeout;
  if (settings.hooks !== undefined) options.hooks = settings.hooks;
  return options;
}

/** What `lc` uses of an Agent or Customer Web client. */
interface ChatWebClient {
  call(name: string, payload: object, options: RequestOptions): Promise<unknown>;
  paginate(name: 'list_chats', payload: object, options: RequestOptions): AsyncIterable<unknown>;
}

/** Agent and Customer page with their clients' own iterators (what follows `page_id` comes from their wire tables). */
function chatClient(client: ChatWebClient): ActionClient {
  return {
    call: (name, _action, payload, o) => client.call(name, payload, o),
    pages: (name, payload, o) => client.paginate(name as 'list_chats', payload, o),
  };
}

/**
 * The client of `api`, imported only when that API is called (start-up time). Agent and Customer
 * page with their clients' iterators; Configuration (`list_greetings`, …) with core's `paginate`.
 */
export async function clientFor(api: string, getToken: TokenGetter, settings: ClientSettings): Promise<ActionClient> {
  const options = optionsOf(settings);
  switch (api) {
    case 'agent': {
      const { AgentWeb } = await import('@lc/agent');
      return chatClient(new AgentWeb(getToken, options));
    }
    case 'customer': {
      const { CustomerWeb } = await import('@lc/customer');
      return chatClient(new CustomerWeb(getToken, options));
    }
    case 'configuration': {
      const [{ ConfigurationWeb }, { paginate }] = await Promise.all([import('@lc/configuration'), import('@lc/core')]);
      const client = new ConfigurationWeb(getToken, options);
      return {
        call: (name, _action, payload, o) => client.call(name, payload, o),
        pages: (name, payload, o) => paginate((a, p, x) => client.call(a, p, x), name, payload, [], o),
      };
    }
    case 'reports': {
      const { ReportsWeb } = await import('@lc/reports');
      const client = new ReportsWeb(getToken, options);
      return {
        // A report is sent to its `<resource>/<name>` path (from the same spec table as the client's).
        call: (name, action, payload, o) => client.call(action.path ?? name, payload, o),
        pages: () => {
          throw new Error('reports do not page');
        },
      };
    }
    default:
      throw new Error(`no client for ${api}`);
  }
}
