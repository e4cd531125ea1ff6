// Reviewed facts the tables cannot carry, kept beside the parsed data (spec-update applies them).
//
// REVIEWED_NOTES: what a reader of the docs found outside the tables (prose rules, contradictions,
// docs slips), per `<api>.<method>`. They replace the derived note of that method (notes.mjs) in
// every version. First written while reading the 3.6 pages by hand; keep them when the docs change
// only if they still hold (spec-update prints the methods whose note is reviewed).
export const REVIEWED_NOTES = {
  'agent.list_archives': 'limit_reached error possible (limits page). Supports highlights.pre_tag/post_tag.',
  'agent.unfollow_chat': "response fields differ: web [] vs rtm ['chat_id']",
  'agent.send_event':
    'Docs: to act as a bot use a bot token from Configuration API issue_bot_token (X-Author-Id no longer supported per management changelog v3.6).',
  'agent.upload_file':
    'Web only. multipart/form-data with field `file` (binary, max 10MB, executables rejected). Returns a temporary `url` that expires after 24h unless used in send_event (webhook incoming_event then carries a non-expiring URL).',
  'agent.ban_customer': 'No response payload (200 OK). limit_reached error possible (limits page).',
  'agent.list_routing_statuses': 'Response is a bare JSON array of {agent_id,status}.',
  'agent.multicast':
    'recipients.agents.{all|ids|groups}; at least one required. Messages are not saved. Agent changelog (3.7 section) says the `customers.ids` recipient type was removed for all API versions.',
  'agent.list_agents_for_transfer':
    "response fields differ: web ['agent_id', 'total_active_chats'] vs rtm ['agent_id', 'active_chats'] Response is a bare JSON array of {agent_id,total_active_chats} (web) / payload array (rtm). Only online / not_accepting agents returned.",
  'agent.ping':
    'Protocol keep-alive, not a listed method: send {"action":"ping","payload":{}} every 15s after login (server replies with a `ping` response); without it the connection is closed after ~30s of inactivity. Before authorization ping is a no-op. Backend clients may use WebSocket control-frame pings instead.',
  'agent.subscribe_customers':
    'RTM only. After subscribing the agent receives customer pushes on this connection; when over the limit, subscribed_customers_totals_updated is pushed periodically.',
  'agent.unsubscribe_customers': 'RTM only. Docs sample response frame says action "subscribe_customers" (docs typo).',
  'agent.login':
    'Conditionally required (required only when parent present / alternative): pushes.<version>. RTM only. Must be sent within 30s of opening the WebSocket. Response table in docs lists only `access`,`properties` but the sample response payload has `license`, `my_profile`, `chats_summary`. `pushes` lets you subscribe per version, e.g. {"3.6": ["incoming_chat"], "3.7": ["all"]}. token is "Bearer <token>" string.',
  'agent.set_away_status':
    'RTM only. Per connection; all connections must be away for the agent to become not_accepting_chats.',
  'agent.logout': 'RTM only. Empty payload.',
  'agent.update_session': 'RTM only. Replaces the login token so the socket outlives the old token.',
  'customer.start_chat':
    'params documented only for rtm: chat.users RTM table additionally documents `chat.users`; web table does not.',
  'customer.get_dynamic_configuration':
    'HTTP GET with query string. Docs curl example passes `license_id=<license_id>` instead of organization_id. Response: organization_id, default_widget (livechat|openwidget|chatbot), livechat_active, livechat{...}.',
  'customer.get_configuration':
    'HTTP GET with query string (group_id, version from get_dynamic_configuration.livechat.config_version).',
  'customer.upload_file':
    'Web only. multipart/form-data with field `file` (max 10MB). Returns temporary `url` (expires after 24h unless used in send_event).',
  'customer.get_localization':
    'HTTP GET with query string (group_id, language, version from get_dynamic_configuration.livechat.localization_version).',
  'customer.list_license_properties':
    'HTTP GET with query string. Per the headers table no Authorization needed ("Not needed for Get License Properties and Get Group Properties"). Response is a map namespace -> {property: value}.',
  'customer.list_group_properties':
    'HTTP GET with query string (`id` = group id). No Authorization needed per headers table. Response is a map namespace -> {property: value}.',
  'customer.list_group_statuses':
    'fields taken from a sample with syntax errors repaired (quoted bare numeric object keys) Docs say "No response payload" but the sample shows {"groups_status": {<group_id>: "online"|"offline"|"online_for_queue"}} (sample uses unquoted numeric keys, invalid JSON). One of `all` / `group_ids` must be provided.',
  'customer.check_goals': 'No response payload (200 OK). Web only. Works only for offline customers.',
  'customer.get_predicted_agent': 'Removed in 3.7 (replaced by request_welcome_message per customer changelog).',
  'customer.request_email_verification': 'No response payload (200 OK). Web only.',
  'customer.ping':
    'Protocol keep-alive, not a listed method: send {"action":"ping","payload":{}} every 15s after login (server replies with a `ping` response); without it the connection is closed after ~30s of inactivity. Before authorization ping is a no-op. Backend clients may use WebSocket control-frame pings instead.',
  'customer.update_customer_page': 'RTM only.',
  'customer.login':
    'Conditionally required (required only when parent present / alternative): pushes.<version>. RTM only. Must be sent within 30s of opening the WebSocket. token is "Bearer <customer_access_token>". customer_side_storage should be fed from the customer_side_storage_updated push.',
  'configuration.request_agent_unsuspension': 'No response payload (200 OK). Empty request payload.',
  'configuration.list_auto_accesses':
    'Available-methods table lists it as `list_auto_access`; Method URL uses `list_auto_accesses`.',
  'configuration.get_bot':
    'The `fields` row in the docs table has the Required/Type cells swapped; `fields` is optional string[].',
  'configuration.issue_bot_token':
    'Bot token valid 24h, cannot be revoked; carries scopes chats--access:rw, agents-bot--my:rw, customers:rw. bot_secret comes from create_bot / create_bot_template (reset via reset_bot_secret / reset_bot_template_secret). Use it as the Bearer token for the Agent Chat Web API (RTM as a bot is unsupported).',
  'configuration.list_customer_bans': 'Empty request payload.',
  'configuration.unban_customer':
    'Conditionally required (required only when parent present / alternative): ip, customer_id. Exactly one of `ip` / `customer_id` is required (both marked "Yes*").',
  'configuration.list_properties':
    'Response is a map: property name -> {type, description, access, public_access, ...}.',
  'configuration.list_license_properties': 'Response is a map: namespace -> {property: value}.',
  'configuration.register_webhook':
    'One Client ID can register up to 3 webhooks per action. type: bot|license. Recommended auth: PAT with webhooks.configuration:rw (token scope, not app scope). The triggering-actions table allows an `agent_ids` filter for routing_status_set that the params table does not document.',
  'configuration.list_webhook_names':
    'Docs: "This method requires no authorization." Lists webhook actions supported in a given API `version` (default: current stable).',
  'configuration.enable_license_webhooks':
    'No response payload (200 OK). Available-methods table lists `enable_license_webhook` (singular); Method URL uses `enable_license_webhooks`.',
  'configuration.disable_license_webhooks':
    'No response payload (200 OK). Available-methods table lists `disable_license_webhook` (singular); Method URL uses `disable_license_webhooks`.',
  'configuration.list_channels': 'Empty request payload.',
  'configuration.check_product_limits_for_plan':
    'Sample is an array of {resource, limit_balance, id?}; the docs "Response" table actually lists the possible `resource` values (agents, groups, banned, queue, queue_continuous, groups_per_agent, access_rules, group_chooser_groups).',
  'configuration.get_product_source':
    'Empty request payload. Present in the page but missing from the Available-methods table.',
  'configuration.update_company_details': 'No response payload (200 OK). Docs sample body has a trailing comma.',
  'reports.duration':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.tags':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.total_chats':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.ratings':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.ranking':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.engagement':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.greetings_conversion':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.forms':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.response_time':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.first_response_time':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.groups':
    'Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.availability':
    'Params from the shared "For the Agents reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.performance':
    'Params from the shared "For the Agents reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.unique_visitors':
    'Method URL says /v3.6/reports/customers/unique_visitors but the curl sample posts to /v3.6/reports/stats/unique_visitors.',
  'reports.queued_visitors':
    'Listed under Customers but the path is /reports/chats/queued_visitors. Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
  'reports.queued_visitors_left':
    'Listed under Customers but the path is /reports/chats/queued_visitors_left. Extra param `page` (int, default 1) for pagination. Params from the shared "For the Chats reports" table (see "Available parameters and filters"). Filters may also be sent as GET query string (filters.from=...; properties use [] brackets).',
};

/** Responses whose top level is a map the docs describe only in prose (the sample shows one key). */
export const REVIEWED_RESPONSES = {
  // "Returns ... properties": the sample's `string_property` is one property name.
  'configuration.list_properties': { response_fields: ['<property_name>'], response_shape: 'map' },
};

/** Reviewed notes of pushes (`<api>.<name>`) and webhooks (`webhooks.<action>`). */
export const REVIEWED_PUSH_NOTES = {
  'agent.thread_properties_deleted':
    'fields taken from a sample with syntax errors repaired (dropped extra trailing data)',
  'agent.incoming_customer':
    'Sample payload is only a placeholder: "Customer" user object payload_fields taken from the data-structure sample of the same version (payloads/messaging/v<version>/agent-chat-api/users/customer.json).',
  'agent.subscribed_customers_totals_updated': 'Payload is a map with dynamic keys (e.g. subscription IDs).',
  'agent.auto_accesses_updated':
    'Payload is a JSON array; fields are the union of item keys. Docs give 3 samples (after adding / updating / deleting).',
  'agent.queue_positions_updated': 'Payload is a JSON array; fields are the union of item keys.',
  'customer.customer_updated':
    'Sample payload is only a placeholder: "User > Customer" object payload_fields taken from the data-structure sample of the same version (payloads/messaging/v<version>/customer-chat-api/users/customer.json).',
  'customer.incoming_greeting':
    'Docs sample shows the whole push frame {action,type,payload}; fields listed are those of `payload`.',
  'customer.greeting_accepted':
    'Docs sample shows the whole push frame {action,type,payload}; fields listed are those of `payload`.',
  'customer.greeting_canceled':
    'Docs sample shows the whole push frame {action,type,payload}; fields listed are those of `payload`.',
  'customer.incoming_welcome_message':
    'Docs sample shows the whole push frame {action,type,payload}; fields listed are those of `payload`.',
  'customer.queue_position_updated':
    'Docs sample shows the whole push frame {action,type,payload}; fields listed are those of `payload`.',
  'webhooks.customer_session_fields_updated':
    "fields read manually from a sample that is not valid JSON (stray `]`) Docs sample is not valid JSON: JSON parse error: Expecting ',' delimiter: line 12 column 5 (char 339)",
  'webhooks.agent_deleted':
    "fields taken from a sample with syntax errors repaired (inserted missing commas) Docs sample is not valid JSON: JSON parse error: Expecting ',' delimiter: line 14 column 3 (char 376)",
  'webhooks.group_updated':
    "fields taken from a sample with syntax errors repaired (inserted missing commas) Docs sample is not valid JSON: JSON parse error: Expecting ',' delimiter: line 17 column 3 (char 427)",
};

/** OpenAPI operations whose summary is too short to name them (`Token`, `Introspect`). */
export const REVIEWED_OPERATION_NAMES = {
  'global_accounts GET /info': 'introspect_token',
  'global_accounts POST /token': 'exchange_token',
  'global_accounts DELETE /token': 'revoke_token',
  'global_accounts GET /organizations/my/saml': 'get_saml_configuration',
};

/**
 * Request samples the docs get wrong (`<api> <transport> <action>` → why, citing the page; with a
 * trailing ` <version>` when only that version's sample is wrong).
 */
export const DOCS_SAMPLE_DEFECTS = {
  // Only 3.6's: the 3.7 sample sends `{}`, which the 3.7 type accepts.
  'customer rtm get_customer 3.6':
    'Get Customer takes no parameters (its Web and RTM tables list none), yet the 3.6 RTM sample sends `session_fields` (and has a trailing comma); the 3.7 RTM sample sends an empty payload. https://platform.text.com/docs/messaging/customer-chat-api/rtm-reference#get-customer',
  'configuration web update_agent':
    'the sample uses the day-keyed `work_scheduler` (`"monday": { start, end }`) that API 3.5 replaced ("has a new format", Configuration changelog v3.5); the 3.6 Update Agent table points to Create Agent for the format: `{ timezone, schedule: [{ day, enabled, start, end }] }`. https://platform.text.com/docs/management/configuration-api#update-agent',
};

/**
 * Request fields the SDK supplies itself, dropped from a docs sample before it is fed to the typed
 * method: the RTM `login`/`update_session` token comes from the client's token getter.
 */
export const SDK_SUPPLIED_FIELDS = {
  'agent rtm login': ['token'],
  'agent rtm update_session': ['token'],
  'customer rtm login': ['token'],
};
