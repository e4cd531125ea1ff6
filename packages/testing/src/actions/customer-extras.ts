// Customer actions around a chat: goals, survey forms, URL previews, email verification.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { isObject } from '../util.js';

type Payload = Record<string, unknown>;

function groupId(p: Platform, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw invalid('Wrong format of request: "group_id" must be a group id');
  if (!p.store.groups.has(value)) throw new SimError('group_not_found', `Group ${value} not found`);
  return value;
}

function httpUrl(value: unknown, field: string): URL {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw invalid(`Wrong format of request: "${field}" must be an http(s) URL`);
  return url;
}

/** `check_goals`: checks the request; goals are not simulated, so nothing reaches the agents. */
function checkGoals(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const fields = payload.session_fields;
  if (
    !Array.isArray(fields) ||
    !fields.every((f) => isObject(f) && Object.values(f).every((v) => typeof v === 'string'))
  )
    throw invalid('Wrong format of request: "session_fields" must be an array of objects of strings');
  groupId(p, payload.group_id);
  httpUrl(payload.page_url, 'page_url');
  return {};
}

/**
 * The simulator's surveys of a group: a pre-chat form asking name and email, a post-chat (or ticket)
 * form asking for feedback.
 */
export function surveyForm(group: number, type: 'prechat' | 'postchat' | 'ticket'): Record<string, unknown> {
  const id = `${type}-${group}`;
  const fields =
    type === 'prechat'
      ? [
          { id: `${id}-1`, type: 'header', label: 'Welcome! Please fill in the form below before starting the chat.' },
          { id: `${id}-2`, type: 'name', label: 'Name:', required: false },
          { id: `${id}-3`, type: 'email', label: 'E-mail:', required: false },
        ]
      : [
          { id: `${id}-1`, type: 'header', label: 'How was the chat?' },
          { id: `${id}-2`, type: 'textarea', label: 'Your feedback:', required: false },
        ];
  return { id, fields };
}

function getForm(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const group = groupId(p, payload.group_id);
  if (payload.type !== 'prechat' && payload.type !== 'postchat')
    throw invalid('Wrong format of request: "type" must be "prechat" or "postchat"');
  return { form: surveyForm(group, payload.type), enabled: true };
}

/** `get_url_info`: the simulator has no network, so the preview is made of the URL itself. */
function getUrlInfo(_ctx: RequestContext, payload: Payload): unknown {
  const url = httpUrl(payload.url, 'url');
  return {
    title: url.hostname,
    description: '',
    image_url: '',
    image_original_url: '',
    image_width: 0,
    image_height: 0,
    url: url.href,
  };
}

/** `request_email_verification`: kept until `sim.confirmEmail(customerId)` plays the customer's click. */
function requestEmailVerification(ctx: RequestContext, payload: Payload, p: Platform): unknown {
  const customerId = p.requester(ctx).id;
  const uri = httpUrl(payload.callback_uri, 'callback_uri').href;
  const list = p.store.emailVerifications.get(customerId) ?? [];
  list.push(uri);
  p.store.emailVerifications.set(customerId, list);
  return {};
}

export const customerExtraHandlers: Record<string, Handler> = {
  check_goals: checkGoals,
  get_form: getForm,
  get_url_info: getUrlInfo,
  request_email_verification: requestEmailVerification,
};
