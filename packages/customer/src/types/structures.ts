// Data structures only the Customer Chat API 3.6 uses (the shared ones come from @lc/core). Type-only.
import type { EventInput, FormFieldOption, FormFieldType, MessageEvent, RichMessageEvent, Visibility } from '@lc/core';

/**
 * An event a customer sends (`send_event`). The Customer Chat API names who sees the event
 * `recipients` (`all`, the default, or `agents`): its Filled form table documents the field and its
 * `send_event` samples (Web and RTM) send `"recipients": "all"` on a message.
 * @see https://platform.text.com/docs/messaging/customer-chat-api/data-structures#filled-form
 * @see https://platform.text.com/docs/messaging/customer-chat-api#send-event
 */
export type CustomerEventInput = EventInput & {
  /** Who sees the event: `all` (default) or `agents` only. */
  recipients?: Visibility;
};

/**
 * A field of a form template. Unlike a Form event's field, `id` may be missing (e.g. on `header`).
 * @see https://platform.text.com/docs/messaging/customer-chat-api/data-structures#forms
 */
export interface FormTemplateField {
  /** The field type (`header` is a text-only field). */
  type: FormFieldType;
  /** The field ID. */
  id?: string;
  /** The field label. */
  label: string;
  /** Whether an answer is required (all types but `header`). */
  required?: boolean;
  /** The options (`checkbox`, `group_chooser`, `radio`, `select`). */
  options?: FormFieldOption[];
}

/**
 * A template of a prechat, postchat or ticket form (`get_form`, `get_configuration`).
 * @see https://platform.text.com/docs/messaging/customer-chat-api/data-structures#forms
 */
export interface Form {
  /** The form ID. */
  id?: string;
  /** The form fields. */
  fields: FormTemplateField[];
}

/**
 * The status of a group as customers see it.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#list-group-statuses
 */
export type CustomerGroupStatus = 'online' | 'offline' | 'online_for_queue';

/** A group and its status, as in `groups_status_updated` and `update_customer_page`. */
export interface GroupStatusEntry {
  /** The group ID. */
  id: number;
  /** The group status. */
  status: CustomerGroupStatus;
}

/**
 * The agent (or bot) predicted to take the customer's chat.
 * @see https://platform.text.com/docs/messaging/customer-chat-api#request-welcome-message
 */
export interface PredictedAgent {
  /** The agent ID. */
  id: string;
  /** The agent's name. */
  name: string;
  /** The avatar URL. */
  avatar?: string;
  /** Whether the agent is a bot. */
  is_bot: boolean;
  /** The bot type; only for bots. */
  bot_type?: string;
  /** The job title. */
  job_title?: string;
  /** The user type. */
  type: 'agent';
}

/** The agent who sent a greeting. */
export interface GreetingAgent {
  /** The agent ID. */
  id: string;
  /** The agent's name. */
  name: string;
  /** The user type (in the `login` sample only). */
  type?: 'agent';
  /** The avatar URL. */
  avatar?: string;
  /** The job title. */
  job_title?: string;
  /** Whether the agent is a bot. */
  is_bot?: boolean;
}

/**
 * A greeting (`incoming_greeting` push, `login` response).
 * @see https://platform.text.com/docs/messaging/customer-chat-api/rtm-pushes#incoming_greeting
 */
export interface Greeting {
  /** The ID of the greeting configured within the license. */
  id: number;
  /** The ID of this generated greeting (used by `accept_greeting` / `cancel_greeting`). */
  unique_id: string;
  /** `true` if the greeting was generated for the first time. */
  displayed_first_time: boolean;
  /** Additional greeting property, e.g. `email`. */
  addon?: string;
  /** The subtype; `announcement` is the only one today. */
  subtype: 'announcement' | (string & {});
  /** `true` for an exit-intent greeting. */
  is_exit_intent: boolean;
  /** The greeting event: a message or a rich message. */
  event: MessageEvent | RichMessageEvent;
  /** The agent who sent the greeting. */
  agent: GreetingAgent;
  /** Whether the customer has seen the greeting (`login` response only). */
  accepted?: boolean;
}
