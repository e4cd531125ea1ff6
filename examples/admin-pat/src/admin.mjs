// @ts-check
// A backend admin script with a Personal Access Token (PAT): list the agents and groups, make sure a
// tag exists, and read the "total chats" report. `runAdmin()` is the whole script; src/main.mjs runs
// it from the command line and the tests import it.
import { ApiError } from '@lc/core';
import { ConfigurationWeb } from '@lc/configuration';
import { tokenGetterFromPAT } from '@lc/pat';
import { ReportsWeb } from '@lc/reports';

/**
 * @typedef {object} AdminOptions
 * @property {string} accountId The PAT owner's account id (Developer Console → Tools → Personal Access Tokens).
 * @property {string} pat The Personal Access Token (needs the agents, groups, tags and reports read/write scopes used here).
 * @property {string} [apiUrl] API base URL (default `https://api.livechatinc.com`; `sim.url` for the simulator).
 * @property {string} [accountsUrl] Accounts base URL, for the PAT's organization lookup (default `https://accounts.livechat.com`).
 * @property {string} [organizationId] Skips the organization lookup when given.
 * @property {string} [tag] The tag to create (default `sdk-example`); an existing tag is left as it is.
 * @property {number} [days] Report period: the last `days` days (default 7).
 * @property {(line: string) => void} [log]
 */

/**
 * @typedef {object} AdminResult
 * @property {Array<{ id: string; name: string; role: string }>} agents
 * @property {Array<{ id: number; name: string }>} groups
 * @property {{ name: string; created: boolean }} tag
 * @property {{ from: Date; to: Date; total: number; days: Record<string, number> }} report
 */

/**
 * @param {AdminOptions} options
 * @returns {Promise<AdminResult>}
 */
export async function runAdmin(options) {
  const log = options.log ?? (() => {});
  const tokenGetter = tokenGetterFromPAT(options.accountId, options.pat, {
    ...(options.accountsUrl ? { accountsUrl: options.accountsUrl } : {}),
    ...(options.organizationId ? { organizationId: options.organizationId } : {}),
  });
  const web = options.apiUrl ? { apiUrl: options.apiUrl } : {};
  const config = new ConfigurationWeb(tokenGetter, web);
  const reports = new ReportsWeb(tokenGetter, web);

  const agents = (await config.listAgents()).map((a) => ({ id: a.id, name: a.name, role: String(a.role) }));
  log(`${agents.length} agents:`);
  for (const a of agents) log(`  ${a.name} <${a.id}> (${a.role})`);

  const groups = (await config.listGroups()).map((g) => ({ id: g.id, name: g.name }));
  log(`${groups.length} groups:`);
  for (const g of groups) log(`  #${g.id} ${g.name}`);

  const name = options.tag ?? 'sdk-example';
  const existing = await config.listTags();
  let created = false;
  if (existing.some((t) => t.name === name)) {
    log(`tag "${name}" already exists`);
  } else {
    try {
      await config.createTag({ name, group_ids: groups.map((g) => g.id) });
      created = true;
      log(`created tag "${name}" in ${groups.length} group(s)`);
    } catch (error) {
      // Someone else created it in the meantime (or configuration is still propagating).
      if (!(error instanceof ApiError && error.type === 'already_exists')) throw error;
      log(`tag "${name}" already exists`);
    }
  }

  const to = new Date();
  const from = new Date(to.getTime() - (options.days ?? 7) * 86_400_000);
  const report = await reports.totalChats({ distribution: 'day', filters: { from, to } });
  /** @type {Record<string, number>} */
  const days = {};
  for (const [day, record] of Object.entries(report.records)) days[day] = record.total ?? 0;
  log(`total chats ${from.toISOString().slice(0, 10)} … ${to.toISOString().slice(0, 10)}: ${report.total}`);
  for (const [day, total] of Object.entries(days)) log(`  ${day}: ${total}`);

  return { agents, groups, tag: { name, created }, report: { from, to, total: report.total, days } };
}
