// Configuration actions about the organization and its product: channels, plan limits, product source,
// company details, bounced emails and a suspended agent's plea.
import type { RequestContext } from '../context.js';
import type { Handler } from '../dispatch.js';
import { invalid, SimError } from '../errors.js';
import type { Platform } from '../platform.js';
import { setOwn } from '../util.js';

type Payload = Record<string, unknown>;

const PLANS = ['starter', 'team', 'enterprise', 'enterpriseplus'];
const COMPANY_FIELDS = [
  'audience',
  'chat_purpose',
  'city',
  'company',
  'company_size',
  'country',
  'invoice_email',
  'invoice_name',
  'nip',
  'postal_code',
  'state',
  'street',
  'phone',
  'province',
  'url',
];

/** Channels: the chat widget's code since the organization started, and each app that owns a bot or webhook. */
function listChannels(_ctx: RequestContext, _payload: Payload, p: Platform): unknown {
  const since = p.store.createdAt;
  const clients = new Set<string>();
  for (const agent of p.store.agents.values()) if (agent.ownerClientId) clients.add(agent.ownerClientId);
  for (const webhook of p.store.webhooks.values()) clients.add(webhook.owner_client_id);
  return [
    { channel_type: 'code', channel_subtype: '', first_activity_timestamp: since },
    ...[...clients].map((id) => ({
      channel_type: 'integration',
      channel_subtype: id,
      first_activity_timestamp: since,
    })),
  ];
}

/** Plan limits are not published, so no simulated resource exceeds any plan. */
function checkProductLimits(_ctx: RequestContext, payload: Payload): unknown {
  if (!PLANS.includes(payload.plan as string))
    throw invalid(`Wrong format of request: "plan" must be one of ${PLANS.join(', ')}`);
  return [];
}

function updateCompanyDetails(_ctx: RequestContext, payload: Payload, p: Platform): unknown {
  if (payload.enrich !== undefined && typeof payload.enrich !== 'boolean')
    throw invalid('Wrong format of request: "enrich" must be a boolean');
  for (const key of Object.keys(payload)) {
    if (key === 'enrich') continue;
    if (!COMPANY_FIELDS.includes(key)) throw invalid(`Wrong format of request: unknown field "${key}"`);
    if (typeof payload[key] !== 'string') throw invalid(`Wrong format of request: "${key}" must be a string`);
  }
  for (const key of COMPANY_FIELDS) if (payload[key] !== undefined) setOwn(p.store.companyDetails, key, payload[key]);
  return {};
}

/** Only a suspended agent has something to ask for (the dispatcher lets suspended agents call it). */
function requestAgentUnsuspension(ctx: RequestContext, _payload: Payload, p: Platform): unknown {
  const me = p.agent(p.requester(ctx).id);
  if (!me.suspended) throw new SimError('validation', 'Wrong format of request: the agent is not suspended');
  p.log(`agent ${me.id} asks the owners to unsuspend them`);
  return {};
}

export const organizationHandlers: Record<string, Handler> = {
  list_channels: listChannels,
  check_product_limits_for_plan: checkProductLimits,
  get_product_source: () => ({
    source_id: 'lc-simulator',
    source_type: 'accounts',
    source_url: 'https://accounts.livechat.com',
  }),
  reactivate_email: (_ctx, payload, p) => {
    p.agent(payload.agent_id);
    return {};
  },
  update_company_details: updateCompanyDetails,
  request_agent_unsuspension: requestAgentUnsuspension,
};
