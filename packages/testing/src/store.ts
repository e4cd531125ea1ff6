import type { CannedResponse } from '@lc/core';
import type { CartRecord } from './carts.js';
import { Clock, hexId, secret, uuid } from './util.js';

/** `{ <namespace>: { <name>: <value> } }` */
export type Properties = Record<string, Record<string, unknown>>;

/** An agent's routing status. Bots may also be `offline`; humans are `offline` without a session. */
export type RoutingStatus = 'accepting_chats' | 'not_accepting_chats' | 'offline';
export type Priority = 'first' | 'normal' | 'last' | 'supervisor';

/** An agent or a bot (bots are agents in chats, with `isBot`). */
export interface AgentRecord {
  id: string;
  name: string;
  isBot: boolean;
  accountId: string;
  role: string;
  avatar: string;
  jobTitle: string | undefined;
  maxChats: number;
  groups: { id: number; priority: Priority }[];
  loginStatus: 'accepting chats' | 'not accepting chats';
  status: RoutingStatus;
  suspended: boolean;
  awaitingApproval: boolean;
  ownerClientId: string | undefined;
  botSecret: string | undefined;
  defaultGroupPriority: Priority | undefined;
  /** Other fields given at creation (`notifications`, `work_scheduler`, `mobile`, ...). */
  extra: Record<string, unknown>;
  lastLogout: string | undefined;
  /** Increases on every assignment; routing prefers the agent who waited longest. */
  lastAssigned: number;
}

export interface CustomerRecord {
  id: string;
  name: string | undefined;
  email: string | undefined;
  avatar: string | undefined;
  session_fields: Record<string, string>[];
  created_at: string;
  /** Other fields (`phone_number`, `address`, ...). */
  extra: Record<string, unknown>;
  /** The shopping carts a store integration reported (`sim.updateCart`), one per store. */
  carts: CartRecord[];
  last_pages: { opened_at: string; url: string; title?: string }[];
  /** Set by the cookie grant; identifies the browser. */
  cookieSecret: string | undefined;
  /** The address of the customer's last request (what an IP ban would block). */
  ip: string | undefined;
}

export type EventRecord = Record<string, unknown> & {
  id: string;
  type: string;
  created_at: string;
  visibility: string;
  author_id?: string;
  properties?: Properties;
};

export interface ThreadRecord {
  id: string;
  active: boolean;
  user_ids: string[];
  events: EventRecord[];
  properties: Properties;
  access: { group_ids: number[] };
  tags: string[];
  created_at: string;
  previous_thread_id: string | undefined;
  next_thread_id: string | undefined;
  queue: { position: number; wait_time: number; queued_at: string } | undefined;
  eventSeq: number;
  /** Set when the thread was summarized after it was deactivated (docs: only once). */
  summarizedInactive?: boolean;
}

export interface ChatUser {
  type: 'agent' | 'customer';
  present: boolean;
  events_seen_up_to: string | undefined;
}

export interface ChatRecord {
  id: string;
  users: Map<string, ChatUser>;
  properties: Properties;
  access: { group_ids: number[] };
  threads: ThreadRecord[];
  followers: Set<string>;
  created_at: string;
}

export interface GroupRecord {
  id: number;
  name: string;
  language_code: string;
  properties: Properties;
}

export interface TagRecord {
  name: string;
  group_ids: number[];
  author_id: string;
  created_at: string;
}

export interface WebhookRecord {
  id: string;
  url: string;
  description: string | undefined;
  action: string;
  secret_key: string;
  filters: Record<string, unknown> | undefined;
  owner_client_id: string;
  type: 'license' | 'bot';
  additional_data: string[] | undefined;
}

/** A customer ban (`ban_customer`); `list_customer_bans` lists those not yet expired. */
export interface BanRecord {
  ip: string;
  customer_id: string | undefined;
  agent_id: string;
  thread_id: string | undefined;
  created_at: string;
  expires_at: string;
}

/** A greeting (campaign) of the Configuration API, as `get_greeting` returns it. */
export type GreetingRecord = Record<string, unknown> & { id: number; group: number; active: boolean };

/** One greeting shown to one customer (`incoming_greeting`), by its `unique_id`. */
export interface ShownGreeting {
  uniqueId: string;
  greetingId: number;
  customerId: string;
  state: 'displayed' | 'accepted' | 'canceled';
  /** `button_id`s the customer clicked (`send_greeting_button_clicked`). */
  clickedButtons: string[];
}

/** An auto access rule; `Store.autoAccesses` keeps them in list order (`next_id` is the following one). */
export interface AutoAccessRecord {
  id: string;
  description: string;
  access: { groups: number[] };
  conditions: Record<string, unknown>;
}

export interface BotTemplateRecord {
  id: string;
  name: string;
  avatar: string;
  max_chats_count: number;
  default_group_priority: Priority;
  job_title: string | undefined;
  owner_client_id: string;
  secret: string;
}

/** A registered property (`register_property`); its namespace is its `owner_client_id`. */
export interface PropertyDefinition {
  name: string;
  owner_client_id: string;
  type: 'int' | 'bool' | 'string' | 'tokenized_string';
  description: string;
  access: Record<string, Record<string, string[]>>;
  domain: unknown[] | undefined;
  range: { from?: number; to?: number } | undefined;
  default_value: unknown;
  /** Set by `publish_property`: what other client ids may do. */
  public_access: string[] | undefined;
}

export interface FileRecord {
  id: string;
  name: string;
  contentType: string;
  data: Uint8Array;
}

/** Everything the simulated organization holds, in memory. */
export class Store {
  readonly clock = new Clock();
  readonly agents = new Map<string, AgentRecord>();
  readonly customers = new Map<string, CustomerRecord>();
  readonly chats = new Map<string, ChatRecord>();
  readonly groups = new Map<number, GroupRecord>();
  readonly tags = new Map<string, TagRecord>();
  readonly webhooks = new Map<string, WebhookRecord>();
  /** Owner client ids whose license webhooks are disabled. */
  readonly disabledLicenseWebhooks = new Set<string>();
  readonly files = new Map<string, FileRecord>();
  readonly bans: BanRecord[] = [];
  /** 3.7: canned responses by id, the allowed domains, and translations by `<group_id>/<language>`. */
  readonly cannedResponses = new Map<number, CannedResponse>();
  readonly allowedDomains = new Set<string>();
  readonly translations = new Map<string, Record<string, string>>();
  readonly greetings = new Map<number, GreetingRecord>();
  readonly shownGreetings = new Map<string, ShownGreeting>();
  autoAccesses: AutoAccessRecord[] = [];
  readonly botTemplates = new Map<string, BotTemplateRecord>();
  /** Registered properties by `<owner_client_id>/<name>`. */
  readonly propertyDefinitions = new Map<string, PropertyDefinition>();
  /** `update_company_details`, merged. */
  readonly companyDetails: Record<string, unknown> = {};
  /** `request_email_verification` callbacks per customer id, oldest first. */
  readonly emailVerifications = new Map<string, string[]>();
  /** Bumped by `create_greeting`. */
  greetingSeq = 0;
  readonly createdAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  licenseProperties: Properties = {};
  private assignSeq = 0;

  constructor(
    readonly organizationId: string,
    readonly licenseId: number,
    readonly organizationName: string,
  ) {
    this.groups.set(0, { id: 0, name: 'General', language_code: 'en', properties: {} });
  }

  nextAssignSeq(): number {
    return ++this.assignSeq;
  }

  addAgent(input: {
    id: string;
    name: string;
    isBot?: boolean;
    role?: string;
    accountId?: string | undefined;
    avatar?: string;
    jobTitle?: string;
    maxChats?: number;
    groups?: { id: number; priority: Priority }[];
    loginStatus?: AgentRecord['loginStatus'];
    status?: RoutingStatus;
    ownerClientId?: string;
    defaultGroupPriority?: Priority;
    awaitingApproval?: boolean;
    extra?: Record<string, unknown>;
  }): AgentRecord {
    const record: AgentRecord = {
      id: input.id,
      name: input.name,
      isBot: input.isBot ?? false,
      accountId: input.accountId ?? uuid(),
      role: input.role ?? 'normal',
      avatar: input.avatar ?? '',
      jobTitle: input.jobTitle,
      maxChats: input.maxChats ?? 6,
      groups: input.groups ?? [{ id: 0, priority: input.defaultGroupPriority ?? 'normal' }],
      loginStatus: input.loginStatus ?? 'accepting chats',
      status: input.status ?? (input.isBot ? 'offline' : 'offline'),
      suspended: false,
      awaitingApproval: input.awaitingApproval ?? false,
      ownerClientId: input.ownerClientId,
      botSecret: input.isBot ? hexId(32) : undefined,
      defaultGroupPriority: input.defaultGroupPriority,
      extra: input.extra ?? {},
      lastLogout: undefined,
      lastAssigned: 0,
    };
    this.agents.set(record.id, record);
    return record;
  }

  addCustomer(input: { id?: string; name?: string; email?: string; avatar?: string } = {}): CustomerRecord {
    const record: CustomerRecord = {
      id: input.id ?? uuid(),
      name: input.name,
      email: input.email,
      avatar: input.avatar,
      session_fields: [],
      created_at: this.clock.timestamp(),
      extra: {},
      carts: [],
      last_pages: [],
      cookieSecret: undefined,
      ip: undefined,
    };
    this.customers.set(record.id, record);
    return record;
  }

  addTag(name: string, groupIds: number[] = [0], authorId = ''): TagRecord {
    const tag: TagRecord = { name, group_ids: groupIds, author_id: authorId, created_at: this.clock.timestamp() };
    this.tags.set(name, tag);
    return tag;
  }

  findTag(name: string): TagRecord | undefined {
    const lower = name.toLowerCase();
    for (const tag of this.tags.values()) if (tag.name.toLowerCase() === lower) return tag;
    return undefined;
  }

  /** The agents' priorities in a group, as `{ "<agent id>": "<priority>" }`. */
  agentPriorities(groupId: number): Record<string, Priority> {
    const out: Record<string, Priority> = {};
    for (const agent of this.agents.values()) {
      const membership = agent.groups.find((g) => g.id === groupId);
      if (membership) out[agent.id] = membership.priority;
    }
    return out;
  }

  /** The ban in force for a customer now, if any. */
  activeBan(customerId: string): BanRecord | undefined {
    const now = this.clock.timestamp();
    return this.bans.find((b) => b.customer_id === customerId && b.expires_at > now);
  }

  newFileId(): string {
    return secret(12);
  }
}
