// The simulator's seed data: the configured agents with their tokens and PATs, the bot, a customer and tags.
import type { ResolvedOptions } from './options.js';
import type { Platform } from './platform.js';
import type { SimulatorAgent, SimulatorBot, SimulatorCustomer } from './simulator-types.js';
import { hexId, secret } from './util.js';

/** Seeded tokens outlive any test run: they end only when the simulator closes. */
const FOREVER_SECONDS = 100 * 365 * 86_400;

function seedAgents(p: Platform, opts: ResolvedOptions): SimulatorAgent[] {
  return opts.agents.map((seed, i) => {
    const id = seed.id ?? `agent${i + 1}@example.com`;
    const record = p.store.addAgent({
      id,
      name: seed.name ?? `Agent ${i + 1}`,
      role: seed.role ?? (i === 0 ? 'owner' : 'normal'),
      accountId: seed.accountId,
    });
    const accessToken = p.auth.issue({ kind: 'agent', id, bot: false, pat: false }, p.clientId, {
      value: seed.accessToken,
      ttlSeconds: FOREVER_SECONDS,
    });
    const refreshToken = p.auth.issueRefreshToken(id, p.clientId, seed.refreshToken);
    const pat = seed.pat ?? `${opts.region}:${secret(20)}`;
    p.auth.setPat(record.accountId, id, pat);
    return {
      id,
      name: record.name,
      email: id,
      role: record.role,
      accountId: record.accountId,
      accessToken,
      refreshToken,
      pat,
      basicAuth: Buffer.from(`${record.accountId}:${pat}`).toString('base64'),
    };
  });
}

function seedBot(p: Platform, opts: ResolvedOptions): SimulatorBot {
  const botRecord = p.store.addAgent({
    id: hexId(32),
    name: opts.botName,
    isBot: true,
    ownerClientId: p.clientId,
    groups: [{ id: 0, priority: 'first' }],
    defaultGroupPriority: 'first',
  });
  const bot: SimulatorBot = {
    id: botRecord.id,
    name: botRecord.name,
    ownerClientId: p.clientId,
    secret: botRecord.botSecret!,
    accessToken: p.auth.issue({ kind: 'agent', id: botRecord.id, bot: true, pat: false }, p.clientId, {
      ttlSeconds: FOREVER_SECONDS,
    }),
  };
  return bot;
}

function seedCustomer(p: Platform): SimulatorCustomer {
  const customerRecord = p.store.addCustomer({ name: 'Thomas Anderson', email: 't.anderson@example.com' });
  const customer: SimulatorCustomer = {
    id: customerRecord.id,
    name: customerRecord.name,
    email: customerRecord.email,
    accessToken: p.auth.issue({ kind: 'customer', id: customerRecord.id }, p.clientId, { ttlSeconds: FOREVER_SECONDS }),
  };
  return customer;
}

/** Fills a new platform with the seeded users and tags; returns what the simulator hands out about them. */
export function seedPlatform(
  p: Platform,
  opts: ResolvedOptions,
): { agents: SimulatorAgent[]; bot: SimulatorBot; customer: SimulatorCustomer } {
  const agents = seedAgents(p, opts);
  const bot = seedBot(p, opts);
  const customer = seedCustomer(p);
  for (const tag of ['support', 'sales', 'complaint', 'spam', 'positive feedback']) p.store.addTag(tag);
  return { agents, bot, customer };
}
