// 3.7 Configuration translations (`update_translations`, its batch, `list_translations`) and allowed
// domains (`add_allowed_domain`, `list_allowed_domains`, `delete_allowed_domain`).
import type { Handler } from '../dispatch.js';
import { invalid, notFound } from '../errors.js';
import type { Platform } from '../platform.js';
import { isObject } from '../util.js';
import { str } from './configuration-common.js';

/** The `phrases` keys `update_translations` accepts (docs, footnote 1). */
const UPDATABLE_PHRASES: ReadonlySet<string> = new Set([
  'Welcome_title',
  'Agents_not_available_continuous',
  'User_in_queue',
  'Client',
  'Embedded_textarea_placeholder',
  'Offline_message_sent',
]);

function translationKey(p: Platform, payload: Record<string, unknown>): string {
  if (typeof payload.group_id !== 'number' || !p.store.groups.has(payload.group_id))
    throw notFound('Group', payload.group_id);
  return `${payload.group_id}/${str(payload, 'language')}`;
}

const updateTranslations: Handler = (_ctx, payload, p) => {
  const key = translationKey(p, payload);
  const phrases = payload.phrases;
  if (!isObject(phrases)) throw invalid('Wrong format of request: "phrases" must be an object');
  for (const [name, value] of Object.entries(phrases)) {
    if (!UPDATABLE_PHRASES.has(name)) throw invalid(`Wrong format of request: unknown phrase ${JSON.stringify(name)}`);
    if (typeof value !== 'string') throw invalid(`Wrong format of request: phrase "${name}" must be a string`);
  }
  p.store.translations.set(key, { ...p.store.translations.get(key), ...(phrases as Record<string, string>) });
  return {};
};

// The default phrases of a language are not published: only the updated ones are listed (README).
const listTranslations: Handler = (_ctx, payload, p) => ({
  phrases: { ...p.store.translations.get(translationKey(p, payload)) },
});

function domain(payload: Record<string, unknown>): string {
  const name = str(payload, 'domain');
  if (name.length > 255) throw invalid('Wrong format of request: "domain" is longer than 255 characters');
  return name.toLowerCase();
}

export const translationHandlers: Record<string, Handler> = {
  update_translations: updateTranslations,
  list_translations: listTranslations,
  add_allowed_domain: (_ctx, payload, p) => {
    p.store.allowedDomains.add(domain(payload));
    return {};
  },
  list_allowed_domains: (_ctx, _payload, p) => ({ domains: [...p.store.allowedDomains] }),
  delete_allowed_domain: (_ctx, payload, p) => {
    if (!p.store.allowedDomains.delete(domain(payload))) throw notFound('Domain', payload.domain);
    return {};
  },
};
