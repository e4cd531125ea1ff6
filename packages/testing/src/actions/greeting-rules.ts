// The checks of a greeting's request fields (Configuration `create_greeting` / `update_greeting`) and
// the evaluation of its rules against what the simulator knows about a customer's visit.
import { invalid } from '../errors.js';
import type { CustomerRecord } from '../store.js';
import { isObject } from '../util.js';

const OPERATORS = [
  'equals',
  'doesnt_equal',
  'lower_than',
  'lower_or_equal',
  'greater_than',
  'greater_or_equal',
  'contains',
  'doesnt_contain',
];

/** Per rule type, the parameters it needs (docs, Create Greeting footnote 1). */
const RULE_NEEDS: Record<string, readonly string[]> = {
  visit_time_site: ['value', 'operator'],
  visit_time_page: ['value', 'operator'],
  url_current: ['value', 'operator'],
  url_visited: ['value', 'operator'],
  url_funnel: ['urls'],
  pages_view_number: ['value', 'operator'],
  url_referrer: ['value', 'operator'],
  geolocation: ['value', 'operator'],
  visits_number: ['value', 'operator'],
  search_keyword: ['value', 'operator'],
  custom_variable: ['session_field'],
  ads_traffic: ['session_field'],
  url_match_page_view_number: ['value', 'operator', 'urls'],
};
const PROPERTY_KEYS = [
  'addon',
  'is_exit_intent',
  'greeting-message_text',
  'greeting-message_json_key',
  'greeting-message_phrase_key',
];
const TEMPLATES = ['cards', 'sticker', 'quick_replies'];
const BUTTON_TYPES = ['webview', 'message', 'url', 'phone'];

const fail = (field: string, what: string) => invalid(`Wrong format of request: "${field}" ${what}`);

/** Checks `rules` (1 to 10 rules, each with the parameters its type needs). */
export function checkRules(rules: unknown): Record<string, unknown>[] {
  if (!Array.isArray(rules) || rules.length < 1 || rules.length > 10) throw fail('rules', 'must hold 1 to 10 rules');
  return rules.map((rule, i) => {
    const at = `rules[${i}]`;
    if (!isObject(rule)) throw fail(at, 'must be an object');
    if (rule.condition !== 'and' && rule.condition !== 'or') throw fail(`${at}.condition`, 'must be "and" or "or"');
    const needs = typeof rule.type === 'string' ? RULE_NEEDS[rule.type] : undefined;
    if (!needs) throw fail(`${at}.type`, `must be one of ${Object.keys(RULE_NEEDS).join(', ')}`);
    for (const name of needs) if (rule[name] === undefined) throw fail(`${at}.${name}`, `is required for ${rule.type}`);
    if (rule.operator !== undefined && !OPERATORS.includes(rule.operator as string))
      throw fail(`${at}.operator`, `must be one of ${OPERATORS.join(', ')}`);
    if (rule.value !== undefined && typeof rule.value !== 'string') throw fail(`${at}.value`, 'must be a string');
    if (rule.urls !== undefined) checkUrls(rule.urls, `${at}.urls`);
    if (rule.session_field !== undefined) {
      const entries = isObject(rule.session_field) ? Object.entries(rule.session_field) : [];
      if (entries.length !== 1 || typeof entries[0]![1] !== 'string')
        throw fail(`${at}.session_field`, 'must hold exactly one key-value pair');
    }
    return rule;
  });
}

function checkUrls(urls: unknown, field: string): void {
  if (!Array.isArray(urls) || urls.length < 1 || urls.length > 10) throw fail(field, 'must hold 1 to 10 URL objects');
  for (const [i, u] of urls.entries()) {
    if (!isObject(u) || typeof u.url !== 'string' || !OPERATORS.includes(u.operator as string))
      throw fail(`${field}[${i}]`, 'needs "url" and an "operator"');
  }
}

export function checkGreetingProperties(properties: unknown): Record<string, unknown> {
  if (!isObject(properties)) throw fail('properties', 'must be an object');
  for (const key of Object.keys(properties))
    if (!PROPERTY_KEYS.includes(key)) throw fail(`properties.${key}`, `is not one of ${PROPERTY_KEYS.join(', ')}`);
  return properties;
}

/** Checks `rich_message` and gives each button without a `button_id` one (docs: generated if not provided). */
export function checkRichMessage(message: unknown, newId: () => string): Record<string, unknown> {
  if (!isObject(message)) throw fail('rich_message', 'must be an object');
  if (!TEMPLATES.includes(message.template_id as string))
    throw fail('rich_message.template_id', `must be one of ${TEMPLATES.join(', ')}`);
  const elements = message.elements ?? [];
  if (!Array.isArray(elements) || elements.length > 10)
    throw fail('rich_message.elements', 'holds at most 10 elements');
  for (const [i, element] of elements.entries()) {
    const at = `rich_message.elements[${i}]`;
    if (!isObject(element)) throw fail(at, 'must be an object');
    const buttons = element.buttons ?? [];
    if (!Array.isArray(buttons) || buttons.length > 13) throw fail(`${at}.buttons`, 'holds at most 13 buttons');
    for (const [j, button] of buttons.entries()) {
      const b = `${at}.buttons[${j}]`;
      if (!isObject(button)) throw fail(b, 'must be an object');
      for (const name of ['text', 'value', 'postback_id'])
        if (typeof button[name] !== 'string') throw fail(`${b}.${name}`, 'is required');
      if (!BUTTON_TYPES.includes(button.type as string)) throw fail(`${b}.type`, `must be one of ${BUTTON_TYPES}`);
      if (button.button_id === undefined) button.button_id = newId();
    }
  }
  return message;
}

/** The `button_id`s of a greeting's rich message. */
export function buttonIds(richMessage: unknown): string[] {
  if (!isObject(richMessage) || !Array.isArray(richMessage.elements)) return [];
  return richMessage.elements.flatMap((e) =>
    isObject(e) && Array.isArray(e.buttons) ? e.buttons.map((b) => (isObject(b) ? String(b.button_id) : '')) : [],
  );
}

function compare(operator: string, actual: string | number, expected: string): boolean {
  const a = String(actual);
  const n = Number(expected);
  switch (operator) {
    case 'equals':
      return a === expected;
    case 'doesnt_equal':
      return a !== expected;
    case 'contains':
      return a.includes(expected);
    case 'doesnt_contain':
      return !a.includes(expected);
    case 'lower_than':
      return Number(actual) < n;
    case 'lower_or_equal':
      return Number(actual) <= n;
    case 'greater_than':
      return Number(actual) > n;
    case 'greater_or_equal':
      return Number(actual) >= n;
    default:
      return false;
  }
}

/**
 * Whether one rule holds for the customer's visit. Only the rules the simulator can judge from the pages
 * and session fields it was told about; time, geolocation, referrer, search and ads rules never hold
 * here (a test shows such a greeting with `sim.showGreeting`).
 */
function ruleHolds(rule: Record<string, unknown>, customer: CustomerRecord): boolean {
  const urls = customer.last_pages.map((page) => page.url);
  const operator = String(rule.operator ?? 'equals');
  const value = String(rule.value ?? '');
  const urlRules = Array.isArray(rule.urls) ? (rule.urls as Record<string, string>[]) : [];
  const urlMatches = (url: string, u: Record<string, string>) => compare(u.operator ?? 'equals', url, u.url ?? '');
  switch (rule.type) {
    case 'url_current':
      return urls.length > 0 && compare(operator, urls.at(-1)!, value);
    case 'url_visited':
      return urls.some((url) => compare(operator, url, value));
    case 'pages_view_number':
      return compare(operator, urls.length, value);
    case 'visits_number':
      return compare(operator, 1, value);
    case 'url_funnel': {
      let next = 0;
      for (const url of urls) if (next < urlRules.length && urlMatches(url, urlRules[next]!)) next++;
      return next === urlRules.length;
    }
    case 'url_match_page_view_number':
      return compare(operator, urls.filter((url) => urlRules.some((u) => urlMatches(url, u))).length, value);
    case 'custom_variable': {
      const [key, expected] = Object.entries(rule.session_field as Record<string, string>)[0]!;
      return customer.session_fields.some((field) => field[key] === expected);
    }
    default:
      return false;
  }
}

/** All `and` rules hold and, when there are `or` rules, one of them does. */
export function rulesHold(rules: Record<string, unknown>[], customer: CustomerRecord): boolean {
  const all = rules.filter((r) => r.condition === 'and');
  const any = rules.filter((r) => r.condition === 'or');
  return all.every((r) => ruleHolds(r, customer)) && (any.length === 0 || any.some((r) => ruleHolds(r, customer)));
}
