// Configuration API webhooks: register, list, unregister, and the license webhooks switch.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, notFound, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { WEBHOOK_ACTIONS } from '../spec-data.js';
import { clone, hexId, isObject } from '../util.js';
import { ownerClientId, str } from './configuration-common.js';

type Payload = Record<string, unknown>;

function registerWebhook(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const action = str(payload, 'action');
  if (!WEBHOOK_ACTIONS.includes(action))
    throw invalid(`Wrong format of request: "action" ${JSON.stringify(action)} is not a webhook action`);
  const url = str(payload, 'url');
  if (url.length > 500 || !/^https?:\/\//.test(url) || !URL.canParse(url))
    throw invalid('Wrong format of request: "url" must be an http(s) URL of at most 500 characters');
  if (payload.type !== 'license' && payload.type !== 'bot')
    throw invalid('Wrong format of request: "type" must be "license" or "bot"');
  const owner = str(payload, 'owner_client_id');
  if (payload.filters !== undefined && !isObject(payload.filters))
    throw invalid('Wrong format of request: "filters" must be an object');
  const additional = payload.additional_data;
  if (
    additional !== undefined &&
    (!Array.isArray(additional) || !additional.every((d) => d === 'chat_properties' || d === 'chat_presence_user_ids'))
  ) {
    throw invalid('Wrong format of request: "additional_data" may contain chat_properties, chat_presence_user_ids');
  }
  const same = [...p.store.webhooks.values()].filter((w) => w.action === action && w.owner_client_id === owner);
  if (same.length >= 3) throw new SimError('limit_reached', `At most 3 webhooks per action per client id (${action})`);
  const id = hexId(25);
  p.store.webhooks.set(id, {
    id,
    url,
    description: typeof payload.description === 'string' ? payload.description : undefined,
    action,
    secret_key: str(payload, 'secret_key'),
    filters: isObject(payload.filters) ? clone(payload.filters) : undefined,
    owner_client_id: owner,
    type: payload.type,
    additional_data: additional as string[] | undefined,
  });
  return { id };
}

function listWebhooks(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  return [...p.store.webhooks.values()]
    .filter((w) => w.owner_client_id === payload.owner_client_id)
    .map((w) => {
      const out: Record<string, unknown> = { id: w.id, url: w.url };
      if (w.description !== undefined) out.description = w.description;
      out.action = w.action;
      if (w.filters) out.filters = clone(w.filters);
      if (w.additional_data) out.additional_data = [...w.additional_data];
      out.owner_client_id = w.owner_client_id;
      out.type = w.type;
      return out;
    });
}

function unregisterWebhook(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const w = p.store.webhooks.get(String(payload.id));
  if (!w || w.owner_client_id !== payload.owner_client_id) throw notFound('Webhook', payload.id);
  p.store.webhooks.delete(w.id);
  return {};
}

function licenseWebhooks(enabled: boolean) {
  return (ctx: RequestContext, payload: Payload, p: Platform): unknown => {
    const owner = ownerClientId(ctx, payload);
    if (enabled) p.store.disabledLicenseWebhooks.delete(owner);
    else p.store.disabledLicenseWebhooks.add(owner);
    return {};
  };
}

export const webhookHandlers: Record<string, Handler> = {
  register_webhook: registerWebhook,
  list_webhooks: listWebhooks,
  unregister_webhook: unregisterWebhook,
  list_webhook_names: () => WEBHOOK_ACTIONS.map((action) => ({ action })),
  enable_license_webhooks: licenseWebhooks(true),
  disable_license_webhooks: licenseWebhooks(false),
  get_license_webhooks_state: (ctx, payload, p) => ({
    license_webhooks_enabled: !p.store.disabledLicenseWebhooks.has(ownerClientId(ctx, payload)),
  }),
};
