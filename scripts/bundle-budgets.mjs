#!/usr/bin/env node
// Bundle budgets: what a browser page pays for one real usage of the SDK, measured the way a user's
// bundler sees it. Each page is bundled by esbuild from the BUILT packages (`@lc/*` resolved through
// the package's own node_modules and `exports`, as after `npm install`), platform browser, ESM,
// minified, target es2020, then gzipped at level 9. Prints a table with the metafile breakdown by
// package and exits 1 when a page is over its budget or pulls in a package it must not.
//
//   node scripts/bundle-budgets.mjs          (after `pnpm build`)
//   node scripts/bundle-budgets.mjs --json   machine-readable result
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { versionsOf } from './gen/spec.mjs';
import { encodeVersion } from './gen/wire.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KiB = 1024;
const token = `() => ({ accessToken: 'dal:t', organizationID: 'o', tokenType: 'Bearer' })`;

/**
 * The official browser SDK's page, measured once (the package has no open-source license, so it is
 * never a dependency here): the same basic widget page as page W0 — cookie token, log in, start a
 * chat, send a message, listen to events — written against its API (`init` fetches the cookie token
 * and connects), bundled and gzipped exactly as below (esbuild 0.27.7, the version this repository uses):
 *
 *   mkdir /tmp/csdk && cd /tmp/csdk && npm init -y && npm i @livechat/customer-sdk@4.0.2 esbuild
 *   # page.js:
 *   #   import * as CustomerSDK from '@livechat/customer-sdk';
 *   #   const sdk = CustomerSDK.init({ organizationId: 'o', clientId: 'c' });
 *   #   sdk.on('incoming_event', ({ event }) => console.log(event));
 *   #   sdk.on('connected', () => {
 *   #     sdk.startChat({ chat: { thread: { events: [{ type: 'message', text: 'Hi!' }] } } }).then((chat) =>
 *   #       sdk.sendEvent({ chatId: chat.id, event: { type: 'message', text: 'Anyone there?' } }));
 *   #   });
 *   # then esbuild.build({ entryPoints: ['page.js'], bundle, platform: 'browser', format: 'esm', minify,
 *   # target: 'es2020', legalComments: 'none', define NODE_ENV production }) and gzip -9 (zlib level 9):
 *   # 54133 bytes minified, 17516 gzip.
 */
const OFFICIAL_CUSTOMER_SDK = { name: '@livechat/customer-sdk', version: '4.0.2', gzip: 17_516 };
/** Issue #18: our basic widget page stays within 55 % of the official SDK's. */
const OFFICIAL_SHARE = 0.55;
/** Issue #13: page A stays at or under 7.25 KiB; its 3.7 twin, page F, is measured beside it. */
const PAGE_A_BOUND = 7.25 * KiB;

/**
 * One entry per page. `from` is the package whose directory the page is resolved from (so it can
 * import only that package and what it depends on, like an app that installed it). `forbid` lists
 * packages that must contribute no bytes; `forbidCode` strings that must not appear in the output
 * (`'rtm/ws'`, the path of every RTM URL, marks the RTM client: a Web-only page has none of it).
 * `tables`: the API version the page uses; its output must hold no other version's wire table
 * (the generated encoded strings of scripts/gen/wire.mjs) and its own at most once.
 */
const PAGES = [
  {
    id: 'A',
    title: 'connects and logs in a Customer RTM client',
    from: 'customer',
    // Issue #5 asked for 3.0 KiB, which cannot hold the client issue #4 asks for (measured then: without
    // timeouts, heartbeat, reconnect, abort, close handling and option checks the page was still 5.1 KiB).
    // Issue #13 asks that the page stay at or under 7.25 KiB (it was 7.08). It grew to 7.61 with the RTM
    // client split into one-job files (~0.38 KiB), misdirected_connection following (~0.09) and the Chat
    // classes Agent and Customer share, and came back to 7.23 (7,399 B) without dropping a feature:
    // ChatRTM is the core client itself, rtmHooks() installs itself instead of five call sites,
    // checks something else already makes are gone, the RTM action table holds only RTM flags, one
    // shared socket handler. The bound is the CI budget: any growth past it fails.
    budget: PAGE_A_BOUND,
    forbid: ['ky'],
    // The upload transport with progress (xhrSend): only a page that uploads pays for it.
    forbidCode: ['XMLHttpRequest'],
    tables: { api: 'customer', version: '3.6' },
    code: `import { CustomerRTM } from '@lc/customer';
const rtm = new CustomerRTM(undefined, ${token});
rtm.login({ customer_page: { url: location.href } }).then((r) => console.log(r));
window.__lc = rtm;`,
  },
  {
    id: 'B',
    title: 'an Agent Web client calling one method',
    from: 'agent',
    budget: 7.0 * KiB,
    forbid: ['ws'],
    forbidCode: ['rtm/ws', 'XMLHttpRequest'],
    code: `import { AgentWeb } from '@lc/agent';
const web = new AgentWeb(${token});
web.listChats({ limit: 10 }).then((r) => console.log(r.chats_summary));`,
  },
  {
    id: 'C',
    title: 'a Configuration Web client calling one method',
    from: 'configuration',
    budget: 7.5 * KiB,
    forbid: ['ws'],
    forbidCode: ['rtm/ws', 'XMLHttpRequest'],
    tables: { api: 'configuration', version: '3.6' },
    code: `import { ConfigurationWeb } from '@lc/configuration';
const config = new ConfigurationWeb(${token});
config.listAgents({ fields: ['max_chats_count'] }).then((agents) => console.log(agents));`,
  },
  {
    id: 'W0',
    title: 'the basic customer widget: cookie token, log in, start a chat, send a message, listen to events',
    from: 'customer',
    // Issue #18: within 55 % of the official SDK's page measured the same way (see OFFICIAL_CUSTOMER_SDK):
    // page A plus the shared accounts module and the identity features (typed blocked-cookie error,
    // per-group identity); the cookie grant ships no redaction (it sends no secret). 9.28 KiB (54.2 %)
    // with the cuts of page A. The limit is the CI budget.
    budget: Math.floor(OFFICIAL_CUSTOMER_SDK.gzip * OFFICIAL_SHARE),
    forbid: ['ws'],
    forbidCode: ['XMLHttpRequest'],
    code: `import { CustomerRTM, customerTokenFromCookie } from '@lc/customer';
const rtm = new CustomerRTM(undefined, customerTokenFromCookie({ clientId: 'c', organizationId: 'o' }));
rtm.on('incoming_event', ({ event }) => console.log(event));
rtm.login({ customer_page: { url: location.href } })
  .then(() => rtm.startChat({ chat: { thread: { events: [{ type: 'message', text: 'Hi!' }] } } }))
  .then(({ chat_id }) => rtm.sendEvent({ chat_id, event: { type: 'message', text: 'Anyone there?' } }));`,
  },
  {
    id: 'W',
    title: 'the full widget: W0 plus earlier messages, an upload with progress, rating, greetings, connection status',
    from: 'customer',
    // Measured 14.97 KiB: W0 (8.7) plus CustomerWeb for the upload (the Web client with its wire
    // table, hooks and region handling, and the method list, ~5.3), the helpers ~1 together; the
    // ceiling leaves room for half a KiB of growth and stays under the official SDK's page (17.26 KiB
    // for the same features).
    // 16.17 KiB after the accounts and RTM growth above, 15.74 after the first cuts of pages A and W0,
    // 15.60 after the rest; under the official SDK's 17.26 KiB.
    target: 15.5 * KiB,
    budget: 16.0 * KiB,
    forbid: ['ws'],
    code: `import { CustomerRTM, CustomerWeb, customerTokenFromCookie, chatHistory, rateChat, cancelRating, onGreeting, connectionStatus } from '@lc/customer';
const tokens = customerTokenFromCookie({ clientId: 'c', organizationId: 'o' });
const rtm = new CustomerRTM(undefined, tokens);
const web = new CustomerWeb(tokens);
const seen = new Set();
connectionStatus(rtm).subscribe((s) => console.log(s.status));
onGreeting(rtm, (greeting, { accept }) => accept());
rtm.on('incoming_event', ({ event }) => { seen.add(event.id); console.log(event); });
rtm.login({ customer_page: { url: location.href } })
  .then(() => rtm.startChat({ chat: { thread: { events: [{ type: 'message', text: 'Hi!' }] } } }))
  .then(async ({ chat_id }) => {
    for await (const event of chatHistory(rtm, { chat_id, seen })) console.log(event);
    const file = new Blob(['x'], { type: 'image/png' });
    const { url } = await web.uploadFile({ file }, { onProgress: ({ sent, total }) => console.log(sent / total) });
    await rtm.sendEvent({ chat_id, event: { type: 'file', url } });
    await rateChat(rtm, { chat_id, score: 1, comment: 'thanks' });
    await cancelRating(rtm, { chat_id });
  });`,
  },
  {
    id: 'D',
    title: 'a Configuration Web 3.7 client calling one method',
    from: 'configuration',
    budget: 7.5 * KiB,
    forbid: ['ws'],
    forbidCode: ['rtm/ws', 'XMLHttpRequest'],
    tables: { api: 'configuration', version: '3.7' },
    code: `import { ConfigurationWeb } from '@lc/configuration/v3.7';
const config = new ConfigurationWeb(${token});
config.listCannedResponses({ limit: 10 }).then((r) => console.log(r.canned_responses));`,
  },
  {
    id: 'E',
    title: 'a Reports 3.7 client asking one report',
    from: 'reports',
    budget: 7.5 * KiB,
    forbid: ['ws'],
    forbidCode: ['rtm/ws', 'XMLHttpRequest'],
    tables: { api: 'reports', version: '3.7' },
    code: `import { ReportsWeb } from '@lc/reports/v3.7';
const reports = new ReportsWeb(${token});
reports.abandonedCarts({ filters: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' } }).then((r) => console.log(r.summary));`,
  },
  {
    id: 'F',
    title: 'connects and logs in a Customer RTM 3.7 client',
    from: 'customer',
    // Page A at 3.7: the same client over the 3.7 table (no get_predicted_agent): 7.23 KiB. The CI
    // budget leaves it a quarter KiB over page A's bound, which binds page A only.
    budget: 7.5 * KiB,
    forbid: ['ky'],
    forbidCode: ['XMLHttpRequest'],
    tables: { api: 'customer', version: '3.7' },
    code: `import { CustomerRTM } from '@lc/customer/v3.7';
const rtm = new CustomerRTM(undefined, ${token});
rtm.login({ customer_page: { url: location.href } }).then((r) => console.log(r));
window.__lc = rtm;`,
  },
];

/**
 * The encoded strings of `api`'s wire table at `version` that a page may hold, as the generated
 * wire.ts writes them: the whole table (a Web page) and its RTM groups alone (an RTM-only page).
 */
function encodedTables(api, version) {
  const { whole, rtm } = encodeVersion(api, version);
  return [whole, rtm].filter(Boolean);
}

/** What a page's output holds of another version's wire table (see `tables` above). */
function otherTables({ api, version }, text) {
  const own = encodedTables(api, version);
  // A string of another version that is also part of this version's table cannot be told apart.
  const found = versionsOf(api)
    .filter((v) => v !== version)
    .filter((v) => encodedTables(api, v).some((t) => !own.some((o) => o.includes(t)) && text.includes(t)))
    .map((v) => `the ${api} ${v} wire table`);
  const held = own.find((t) => text.includes(t));
  if (held && text.split(held).length > 2) found.push(`the ${api} ${version} wire table twice`);
  return found;
}

/** `node_modules/.pnpm/ky@1/node_modules/ky/x.js` → `ky`; `packages/core/dist/x.js` → `@lc/core`. */
function packageOf(file) {
  const norm = file.replace(/\\/g, '/');
  const nm = norm.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = norm.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /(?:^|\/)packages\/([^/]+)\//.exec(norm);
  if (m) return `@lc/${m[1]}`;
  return norm.startsWith('<stdin>') || norm === 'page.js' ? '(page)' : norm;
}

async function measure(page) {
  const resolveDir = path.join(root, 'packages', page.from);
  const result = await esbuild.build({
    stdin: { contents: page.code, resolveDir, sourcefile: 'page.js', loader: 'js' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    minify: true,
    target: 'es2020',
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const out = result.outputFiles[0].contents;
  const gzip = zlib.gzipSync(out, { level: 9 }).length;
  const output = Object.values(result.metafile.outputs)[0];
  const byPackage = {};
  const files = [];
  for (const [file, info] of Object.entries(output.inputs)) {
    if (!info.bytesInOutput) continue;
    const pkg = packageOf(file);
    byPackage[pkg] = (byPackage[pkg] ?? 0) + info.bytesInOutput;
    files.push({ file: path.relative(root, path.resolve(root, file)), bytes: info.bytesInOutput });
  }
  files.sort((a, b) => b.bytes - a.bytes);
  const text = new TextDecoder().decode(out);
  const forbidden = [
    ...(page.forbid ?? []).filter((p) => byPackage[p]),
    ...(page.forbidCode ?? []).filter((c) => text.includes(c)).map((c) => `code '${c}'`),
    ...(page.tables ? otherTables(page.tables, text) : []),
  ];
  return {
    id: page.id,
    title: page.title,
    budget: page.budget,
    target: page.target ?? page.budget,
    minified: out.length,
    gzip,
    byPackage,
    files,
    forbidden,
    ok: gzip <= page.budget && !forbidden.length,
  };
}

const fmt = (n) => `${(n / KiB).toFixed(2)} KiB`;

const results = [];
let failed = 0;
for (const page of PAGES) {
  try {
    results.push(await measure(page));
  } catch (error) {
    failed++;
    const msg = error.errors?.map((e) => e.text).join('; ') ?? error.message;
    console.error(`✗ page ${page.id} (${page.title}) did not bundle: ${msg}`);
    if (!fs.existsSync(path.join(root, 'packages', page.from, 'dist')))
      console.error(`  packages/${page.from}/dist is missing: run \`pnpm build\``);
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log('| page | what | minified | gzip | target | CI ceiling | status | by package (minified bytes) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- | --- |');
  for (const r of results) {
    const parts = Object.entries(r.byPackage)
      .sort((a, b) => b[1] - a[1])
      .map(([p, b]) => `${p} ${b}`)
      .join(', ');
    const status = !r.ok
      ? r.forbidden.length
        ? `✗ contains ${r.forbidden.join(', ')}`
        : '✗ over budget'
      : r.gzip > r.target
        ? `ok under the ceiling; target NOT met (+${fmt(r.gzip - r.target)})`
        : 'ok';
    console.log(
      `| ${r.id} | ${r.title} | ${fmt(r.minified)} | ${fmt(r.gzip)} | ${fmt(r.target)} | ${fmt(r.budget)} | ${status} | ${parts} |`,
    );
  }
  const basic = results.find((r) => r.id === 'W0');
  if (basic) {
    const share = basic.gzip / OFFICIAL_CUSTOMER_SDK.gzip;
    console.log(
      `\nPage W0 is ${(share * 100).toFixed(1)} % of ${OFFICIAL_CUSTOMER_SDK.name} ${OFFICIAL_CUSTOMER_SDK.version}'s ` +
        `page (${fmt(OFFICIAL_CUSTOMER_SDK.gzip)} gzip; limit ${Math.round(OFFICIAL_SHARE * 100)} %).`,
    );
  }
  for (const r of results.filter((x) => !x.ok)) {
    console.log(`\nPage ${r.id} is over its budget or pulls in a forbidden package; largest inputs:`);
    for (const f of r.files.slice(0, 12)) console.log(`  ${String(f.bytes).padStart(7)}  ${f.file}`);
  }
}
failed += results.filter((r) => !r.ok).length;
process.exit(failed ? 1 : 0);
