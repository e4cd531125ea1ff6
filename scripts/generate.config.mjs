// What the generator needs to know beyond spec/methods.json: which package each API lands in,
// which methods are hand-written (special wire handling), and request fields whose docs type is
// too loose ("object") where a hand-written type from the package's src/types is the truth.

/** Where the SDK deliberately differs from the spec's `http.path` (docs contradict themselves). */
const REPORT_PATH_OVERRIDES = { unique_visitors: 'stats/unique_visitors' };

/** @type {Record<string, { pkg: string, prefix: string, classes: Record<string, string>, wire: { path: string, orgQuery?: boolean, resourcePaths?: boolean }, chat?: boolean, handWritten?: Record<string, string[]>, requestOverrides?: Record<string, string>, typeOverrides?: Record<string, string | null>, typeImports?: string[], coreTypeImports?: string[], docNotes?: (m: any) => string[], topLevelRequiredOnly?: boolean, pathTable?: { name: string, doc: string[], overrides?: Record<string, string> } }>} */
export default {
  agent: {
    pkg: 'agent',
    prefix: 'Agent',
    classes: { web: 'AgentWebMethods', rtm: 'AgentRTMMethods' },
    // A Chat API: its methods go on the shared ChatWeb/ChatRTM clients (a mixin), each paginated
    // action gets a `…Pages` method, and `<prefix>PaginatedAction` is generated.
    chat: true,
    wire: { path: '/v{v}/agent/action/' },
    // upload_file: multipart; login/update_session: the token comes from the getter (core RTM);
    // logout over RTM: the client closes for good once the agent is logged out.
    handWritten: { web: ['upload_file'], rtm: ['login', 'update_session', 'logout'] },
    // `@lc/agent/v3.7`: its request types and methods in src/generated/v3.7/; `pushes`: its push map
    // (scripts/check-types-complete.mjs checks it against the 3.7 pushes).
    versions: { 3.7: { responses: 'AgentResponses3_7', pushes: 'AgentPushes3_7', types: '../../types/v3.7.js' } },
    coreTypeImports: [
      'Access',
      'DeletedProperties',
      'EventInput',
      'MessageEventInput',
      'Properties',
      'RoutingStatus',
      'UserType',
      'Visibility',
    ],
    typeImports: [
      'ArchivesAgentResponseFilter',
      'ArchivesAgentTypesFilter',
      'ArchivesEventTypesFilter',
      'ArchivesFormFilter',
      'ArchivesGreetingsFilter',
      'CustomerMonitoringLevel',
      'PropertiesFilter',
      'ValueFilter',
    ],
    typeOverrides: {
      ...chatFields('start_chat'),
      ...chatFields('resume_chat'),
      ...propertyFields(),
      // The docs: "If set to `null` or not provided: returns both active and inactive chats."
      'list_chats.filters.active': 'boolean | null',
      'list_chats.filters.properties': 'PropertiesFilter',
      'list_archives.filters.properties': 'PropertiesFilter',
      'list_archives.filters.agents': 'ValueFilter<string>',
      'list_archives.filters.tags': 'ValueFilter<string>',
      'list_archives.filters.sales': 'ValueFilter',
      'list_archives.filters.goals': 'ValueFilter',
      'list_archives.filters.customer_countries': 'ValueFilter<string>',
      // Table: `filters.forms.<form>` `array`, `<form>` described in footnote 3: an array of form filters.
      'list_archives.filters.forms': 'ArchivesFormFilter[]',
      'list_archives.filters.event_types': 'ArchivesEventTypesFilter',
      'list_archives.filters.greetings': 'ArchivesGreetingsFilter',
      'list_archives.filters.agent_response': 'ArchivesAgentResponseFilter',
      'list_archives.filters.agent_types': 'ArchivesAgentTypesFilter',
      // Fixed values the docs list in the description column.
      'start_chat.chat.users.type': 'UserType',
      'resume_chat.chat.users.type': 'UserType',
      'add_user_to_chat.user_type': 'UserType',
      'add_user_to_chat.visibility': 'Visibility',
      'remove_user_from_chat.user_type': "'agent'",
      'set_routing_status.status': 'RoutingStatus',
      'send_thinking_indicator.visibility': 'Visibility',
      'login.customer_monitoring_level': 'CustomerMonitoringLevel',
      // "Supports only the `message` type", visibility `all` or skipped.
      'send_event_preview.event': "Omit<MessageEventInput, 'visibility'> & { visibility?: 'all' }",
      'list_chats.filters.group_ids': 'number[]',
      'list_archives.filters.chat_ids': 'string[]',
      'list_archives.filters.thread_ids': 'string[]',
      'list_archives.filters.group_ids': 'number[]',
      'list_routing_statuses.filters.group_ids': 'number[]',
      'transfer_chat.target.type': "'agent' | 'group'",
      'transfer_chat.target.ids': 'Array<string | number>',
      'send_event.event': 'EventInput',
      'send_typing_indicator.visibility': 'Visibility',
    },
  },
  customer: {
    pkg: 'customer',
    prefix: 'Customer',
    classes: { web: 'CustomerWebMethods', rtm: 'CustomerRTMMethods' },
    chat: true,
    // The docs: every Customer Chat API Web request carries `organization_id` in the query string.
    wire: { path: '/v{v}/customer/action/', orgQuery: true },
    handWritten: { web: ['upload_file'], rtm: ['login'] },
    // `@lc/customer/v3.7`: its request types and methods in src/generated/v3.7/; `pushes`: its push map.
    versions: {
      3.7: { responses: 'CustomerResponses3_7', pushes: 'CustomerPushes3_7', types: '../../types/v3.7.js' },
    },
    // The two no-auth GET actions: without a token, `organization_id` (a query parameter of every
    // Customer call) can only come from the payload.
    extraParams: {
      list_license_properties: [{ name: 'organization_id', required: 'No', type: 'string' }],
      list_group_properties: [{ name: 'organization_id', required: 'No', type: 'string' }],
    },
    coreTypeImports: ['Access', 'DeletedProperties', 'EventInput', 'Properties'],
    typeImports: ['CustomerEventInput'],
    typeOverrides: {
      ...chatFields('start_chat'),
      ...chatFields('resume_chat'),
      ...propertyFields(),
      'list_group_statuses.group_ids': 'number[]',
      // The Customer API's `recipients` (its send_event samples send `"recipients": "all"`).
      'send_event.event': 'CustomerEventInput',
      // "prechat or postchat"
      'get_form.type': "'prechat' | 'postchat'",
      // RTM table: "A list of existing users. Only one user is allowed (type `customer`)."
      'start_chat.chat.users': "Array<{ id: string; type: 'customer' }>",
    },
  },
  configuration: {
    pkg: 'configuration',
    prefix: 'Configuration',
    classes: { web: 'ConfigurationMethods' },
    wire: { path: '/v{v}/configuration/action/' },
    handWritten: { web: [] },
    // `@lc/configuration/v3.7`: its request types and methods in src/generated/v3.7/.
    versions: { 3.7: { responses: 'ConfigurationResponses3_7', types: '../../types/v3.7.js' } },
    // `payload = {}` default when no top-level field is required (e.g. `list_tags`).
    topLevelRequiredOnly: true,
    docNotes: configurationDocNotes,
    typeImports: [
      'AgentEmailSubscription',
      'AgentField',
      'AgentLoginStatus',
      'AgentNotification',
      'AgentRole',
      'BotField',
      'GroupField',
      'AutoAccessConditions',
      'BotWorkScheduler',
      'GreetingProperties',
      'GreetingRichMessage',
      'GreetingRule',
      'GroupPriority',
      'OwnerClientId',
      'PropertiesByNamespace',
      'PropertyAccess',
      'PropertyAccessType',
      'PropertyNamesByNamespace',
      'PropertyType',
      'RoutingPriority',
      'WebhookAdditionalData',
      'WebhookFilters',
      'WorkScheduler',
    ],
    // Keys: `<method>.<field path>`; a trailing `?` also makes the field optional; `null` drops a
    // field the docs table lists at the wrong level (its parent's override carries it).
    // Whole request types for rules the field list cannot express.
    requestOverrides: {
      // "Exactly one of `ip` and `customer_id` is required."
      unban_customer: '{ ip: string; customer_id?: never } | { customer_id: string; ip?: never }',
    },
    typeOverrides: {
      // Documented value lists (`fields`, notifications, email subscriptions).
      'get_agent.fields': 'AgentField[]',
      'list_agents.fields': 'AgentField[]',
      'get_bot.fields': 'BotField[]',
      'list_bots.fields': 'BotField[]',
      'get_group.fields': 'GroupField[]',
      'list_groups.fields': 'GroupField[]',
      'create_agent.notifications': 'AgentNotification[]',
      'update_agent.notifications': 'AgentNotification[]',
      'create_agent.email_subscriptions': 'AgentEmailSubscription[]',
      'update_agent.email_subscriptions': 'AgentEmailSubscription[]',
      ...agentFields('create_agent'),
      ...agentFields('update_agent'),
      ...autoAccessFields('add_auto_access'),
      ...autoAccessFields('update_auto_access'),
      'create_bot_template.default_group_priority': 'RoutingPriority',
      'update_bot_template.default_group_priority': 'RoutingPriority',
      ...botFields('create_bot'),
      ...botFields('update_bot'),
      // "Required only when authorizing via PATs" (docs), and the docs samples omit it.
      'create_bot.owner_client_id?': 'string',
      'reset_bot_secret.owner_client_id?': 'string',
      'enable_license_webhooks.owner_client_id?': 'string',
      'disable_license_webhooks.owner_client_id?': 'string',
      'get_license_webhooks_state.owner_client_id?': 'string',
      // The bot-template tables say Yes but their samples leave it out: PAT-only, as for bots.
      'create_bot_template.owner_client_id?': 'OwnerClientId',
      'update_bot_template.owner_client_id?': 'OwnerClientId',
      'delete_bot_template.owner_client_id?': 'OwnerClientId',
      'list_bot_templates.owner_client_id?': 'OwnerClientId',
      'reset_bot_template_secret.owner_client_id?': 'OwnerClientId',
      ...greetingFields('create_greeting'),
      ...greetingFields('update_greeting'),
      'create_greeting.template_id': null,
      'create_greeting.elements': null,
      'list_greetings.groups': 'number[]',
      'create_group.agent_priorities': 'Record<string, RoutingPriority>',
      'update_group.agent_priorities': 'Record<string, RoutingPriority>',
      'register_property.type': 'PropertyType',
      'register_property.access': 'PropertyAccess',
      'register_property.domain': 'unknown[]',
      'publish_property.access_type': 'PropertyAccessType[]',
      'update_license_properties.properties': 'PropertiesByNamespace',
      'delete_license_properties.properties': 'PropertyNamesByNamespace',
      'update_group_properties.properties': 'PropertiesByNamespace',
      'delete_group_properties.properties': 'PropertyNamesByNamespace',
      'register_webhook.filters': 'WebhookFilters',
      'register_webhook.additional_data': 'WebhookAdditionalData[]',
      'register_webhook.type': "'bot' | 'license'",
      'check_product_limits_for_plan.plan': "'starter' | 'team' | 'enterprise' | 'enterpriseplus'",
    },
  },
  reports: {
    pkg: 'reports',
    prefix: 'Reports',
    classes: { web: 'ReportsMethods' },
    // A report's wire name is its `<resource>/<name>` path (REPORT_PATHS).
    wire: { path: '/v{v}/reports/', resourcePaths: true },
    handWritten: { web: [] },
    docNotes: reportsDocNotes,
    // `@lc/reports/v3.7`: its request types and methods in src/generated/v3.7/.
    versions: { 3.7: { responses: 'ReportsResponses3_7', types: '../../types/index.js' } },
    typeImports: [
      'AgentsDistribution',
      'AgentsReportFilters',
      'ChatUsageFilters',
      'ChatsDistribution',
      'ChatsReportFilters',
      'CustomersReportFilters',
    ],
    typeOverrides: {
      ...Object.fromEntries(
        [
          'duration',
          'tags',
          'total_chats',
          'ratings',
          'ranking',
          'engagement',
          'greetings_conversion',
          'forms',
          'response_time',
          'first_response_time',
          'groups',
          'queued_visitors',
          'queued_visitors_left',
        ].flatMap((m) => [
          [`${m}.distribution`, 'ChatsDistribution'],
          [`${m}.filters`, 'ChatsReportFilters'],
        ]),
      ),
      'availability.distribution': 'AgentsDistribution',
      'availability.filters': 'AgentsReportFilters',
      'performance.distribution': 'AgentsDistribution',
      'performance.filters': 'AgentsReportFilters',
      'unique_visitors.filters': 'CustomersReportFilters',
      'chat_usage.filters': 'ChatUsageFilters',
      // 3.7: `sales/abandoned_carts` takes the Chats reports' parameters, `stats/visitor_domains` the customer reports'.
      'abandoned_carts.distribution': 'ChatsDistribution',
      'abandoned_carts.filters': 'ChatsReportFilters',
      'visitor_domains.filters': 'CustomersReportFilters',
    },
    // Report name → `<resource>/<name>`, from the spec's `http.path`. ReportsWeb sends
    // `POST /v<version>/reports/<path>`; users can override any entry with the `paths` option.
    pathTable: {
      name: 'REPORT_PATHS',
      doc: [
        "Report name → `<resource>/<name>` path under `/v<version>/reports/` (from the docs' Method URLs).",
        "`unique_visitors`: the docs' Method URL says `customers/unique_visitors`, their curl sample and the",
        'v3.6 changelog link say `stats/unique_visitors`; the SDK sends `stats/...` (see the package README). Override with',
        'the `paths` option of `ReportsWeb`.',
      ],
      overrides: REPORT_PATH_OVERRIDES,
    },
  },
};

function agentFields(method) {
  return {
    [`${method}.role`]: 'AgentRole',
    [`${method}.login_status`]: 'AgentLoginStatus',
    [`${method}.groups`]: 'GroupPriority[]',
    [`${method}.work_scheduler`]: 'WorkScheduler',
  };
}

function autoAccessFields(method) {
  // The docs table lists the match_object / geolocation_object fields at the top level.
  return {
    [`${method}.conditions`]: 'AutoAccessConditions',
    ...Object.fromEntries(
      ['value', 'exact_match', 'country', 'country_code', 'region', 'city'].map((f) => [`${method}.${f}`, null]),
    ),
  };
}

function botFields(method) {
  return {
    [`${method}.default_group_priority`]: 'RoutingPriority',
    [`${method}.groups`]: 'GroupPriority[]',
    [`${method}.work_scheduler`]: 'BotWorkScheduler',
  };
}

function greetingFields(method) {
  return {
    [`${method}.type`]: "'normal' | 'announcement'",
    [`${method}.rules`]: 'GreetingRule[]',
    [`${method}.properties`]: 'GreetingProperties',
    [`${method}.rich_message`]: 'GreetingRichMessage',
  };
}

/** Reads: no propagation delay. `issue_bot_token` mints a token, it changes no configuration. */
const CONFIG_READ = /^(list|get|check)_|^issue_bot_token$/;

/** Extra TSDoc lines of the generated Configuration methods. */
function configurationDocNotes(m) {
  const notes = [];
  if (m.batch_of) {
    notes.push(
      `Resolves with a {@link BatchResult}: one result per request in request order, each \`{ ok: true, value }\` or \`{ ok: false, error }\` (a typed \`ApiError\`); a failed item never rejects the call.`,
    );
  }
  if (m.method === 'list_webhook_names')
    notes.push('Sent without `Authorization`: the docs say this method requires no authorization.');
  if (!CONFIG_READ.test(m.method)) {
    notes.push('Propagation delay: the API documents that configuration changes take effect within up to 2 minutes.');
  }
  return notes;
}

/** Extra TSDoc lines of the generated Reports methods. */
function reportsDocNotes(m, version = '3.6') {
  const path = REPORT_PATH_OVERRIDES[m.method] ?? m.http.path;
  return [`Sends \`POST /v${version}/reports/${path}\` (the path can be overridden with the \`paths\` option).`];
}

/** Agent/Customer `start_chat`/`resume_chat`: the chat's properties, access and initial events. */
function chatFields(method) {
  return {
    [`${method}.chat.properties`]: 'Properties',
    [`${method}.chat.access`]: 'Partial<Access>',
    [`${method}.chat.thread.events`]: 'EventInput[]',
    [`${method}.chat.thread.properties`]: 'Properties',
  };
}

/** Agent/Customer `update_*_properties` take values per namespace; `delete_*_properties` names per namespace. */
function propertyFields() {
  const out = {};
  for (const target of ['chat', 'thread', 'event']) {
    out[`update_${target}_properties.properties`] = 'Properties';
    out[`delete_${target}_properties.properties`] = 'DeletedProperties';
  }
  return out;
}
