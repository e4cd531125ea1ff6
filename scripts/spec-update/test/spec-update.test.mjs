// Tests of `pnpm spec:update` on what the docs write: comments in samples, docs slips, curl
// commands, commented-out sections, and a whole (tiny) docs repository read twice.
//   node scripts/spec-update/test/spec-update.test.mjs   (pnpm checks runs it)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { markRepeats } from '../changelog.mjs';
import { curlPayload } from '../curl.mjs';
import { parseSample } from '../jsonc.mjs';
import { parseMdx, sections } from '../mdx.mjs';
import { requirement } from '../params.mjs';
import { sampleDifferences } from '../sample-diff.mjs';
import { structureDifferences } from '../structures.mjs';

const script = fileURLToPath(new URL('../index.mjs', import.meta.url));

test("a sample with the docs' // comments is valid; a trailing comma is repaired and reported", () => {
  assert.deepEqual(parseSample('{\n  "a": 1, // optional\n  "b": { // "Agent" object\n  }\n}'), {
    value: { a: 1, b: {} },
  });
  const slip = parseSample('{\n  "id": "x",\n  "name": "y",\n}');
  assert.equal(slip.value.name, 'y');
  assert.equal(slip.repair, 'trailing commas removed');
  assert.match(slip.invalid, /^not JSON at line 4/);
  assert.deepEqual(parseSample('{\n  1: "online"\n}').value, { 1: 'online' });
  const broken = parseSample('{ "text": "no end }');
  assert.equal(broken.value, undefined);
  assert.ok(broken.invalid);
});

test('a curl sample gives its -d body, a GET query string or its -F form', () => {
  const post =
    'curl -X POST \\\n  https://api.livechatinc.com/v3.6/agent/action/x \\\n  -H \'Authorization: Basic <t>\' \\\n  -d \'{\n  "chat_id": "c"\n}\'';
  assert.deepEqual(curlPayload(post), {
    encoding: 'json',
    http_method: 'POST',
    url: 'https://api.livechatinc.com/v3.6/agent/action/x',
    value: { chat_id: 'c' },
  });
  const get = "curl -X GET 'https://api.livechatinc.com/v3.6/customer/action/get_form?organization_id=o&group_id=0'";
  assert.deepEqual(curlPayload(get).value, { organization_id: 'o', group_id: '0' });
  assert.deepEqual(curlPayload("curl -X POST https://x/upload_file -F 'file=@/tmp/a.png'").value, {
    file: '@/tmp/a.png',
  });
});

test('a commented-out section is not read; a section knows its category', () => {
  const page = [
    '# Methods',
    '## Chats',
    '<!--',
    '### Old Method',
    '```json',
    '{}',
    '``` -->',
    '### List Chats',
    '| Parameter | Required | Data type |',
    '| --- | --- | --- |',
    '| `a\\|b` | No | `string` |',
  ].join('\n');
  const found = sections(parseMdx(page));
  assert.deepEqual(
    found.map((s) => [s.title, s.category]),
    [['List Chats', 'Chats']],
  );
  assert.deepEqual(found[0].items.find((i) => i.kind === 'table').rows[0].cells, ['`a|b`', 'No', '`string`']);
});

test('required below an optional parent, or "Yes*", is conditionally required', () => {
  const rows = [
    { name: 'id', required: 'Yes', type: 'string' },
    { name: 'groups', required: 'No', type: 'object[]' },
    { name: 'groups[].id', required: 'Yes', type: 'uint' },
    { name: 'ip', required: 'Yes*', type: 'string' },
  ];
  assert.deepEqual(requirement(rows), {
    required: ['id'],
    optional: ['groups', 'groups[].id', 'ip'],
    conditionally_required: ['groups[].id', 'ip'],
  });
});

/** A docs repository with one Configuration method in 3.6 and a second one new in 3.7. */
function fixtureDocs() {
  const docs = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-'));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(docs, rel)), { recursive: true });
    fs.writeFileSync(path.join(docs, rel), text);
  };
  write(
    'src/constants/index.js',
    'const V = {\n  DEFAULT: {\n    STABLE_VERSION: "3.6",\n    DEV_PREVIEW_VERSION: "3.7",\n  },\n};\n',
  );
  const method = (v, name, title) =>
    [
      `### ${title}`,
      '#### Specifics',
      '| | |',
      '| --- | --- |',
      `| Method URL | \`https://api.livechatinc.com/v${v}/configuration/action/${name}\` |`,
      '| Required scopes | `tags--all:rw` |',
      '#### Request',
      '| Parameter | Required | Data type | Notes |',
      '| --- | --- | --- | --- |',
      '| `name` | Yes | `string` | |',
      "<CodeSample path={'REQUEST'}>",
      '```shell',
      `curl -X POST https://api.livechatinc.com/v${v}/configuration/action/${name} \\`,
      `  -d '{ "name": "a", }'`,
      '```',
      '</CodeSample>',
    ].join('\n');
  const page = (v, extra) =>
    `---\napiVersion: "${v}"\n---\n# Tags\n## Methods\n${method(v, 'create_tag', 'Create Tag')}\n${extra}\n`;
  write('src/pages/management/configuration-api/index.mdx', page('3.6', ''));
  write(
    'src/pages/management/configuration-api/v3.7/index.mdx',
    page('3.7', method('3.7', 'rename_tag', 'Rename Tag')),
  );
  write(
    'src/pages/management/changelog/index.mdx',
    '## [v3.7] - Developer preview\n\n### Tags\n\n- Added [**Rename Tag**](#rename-tag).\n',
  );
  const git = (...args) => execFileSync('git', ['-C', docs, ...args], { stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'docs');
  return docs;
}

test('a docs repository read twice gives the same bytes: 3.6 in full, 3.7 in full with its change', () => {
  const docs = fixtureDocs();
  const outs = [1, 2].map(() => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-'));
    execFileSync(process.execPath, [script, docs, `--out=${out}`], { stdio: 'ignore' });
    return out;
  });
  const read = (dir, f) => fs.readFileSync(path.join(dir, f), 'utf8');
  for (const f of fs.readdirSync(outs[0])) assert.equal(read(outs[1], f), read(outs[0], f), f);
  const methods = JSON.parse(read(outs[0], 'methods.json'));
  const brief = methods.map((m) => [m.version, m.method, m.change ?? '-', m.required.join()]);
  assert.deepEqual(brief, [
    ['3.6', 'create_tag', '-', 'name'],
    ['3.7', 'create_tag', 'unchanged', 'name'],
    ['3.7', 'rename_tag', 'new', 'name'],
  ]);
  assert.deepEqual(methods[2].changelog, ['src/pages/management/changelog/index.mdx#L5']);
  const samples = JSON.parse(read(outs[0], 'samples.json'));
  assert.equal(samples.length, 3);
  assert.deepEqual(samples[0].sample, { name: 'a' });
  assert.equal(samples[0].repair, 'trailing commas removed');
  const commit = execFileSync('git', ['-C', docs, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  assert.equal(JSON.parse(read(outs[0], 'source.json')).commit, commit);
  assert.match(read(outs[0], 'CHANGES-3.7.md'), /\| `rename_tag` \| new \|/);
  for (const dir of [docs, ...outs]) fs.rmSync(dir, { recursive: true, force: true });
});

test('a renamed and a moved field show what changed below them', () => {
  const v36 = {
    chats_summary: [
      { id: 'c', last_event_per_type: { message: { thread_id: 't', event: {} } }, last_thread_summary: { id: 't' } },
    ],
  };
  const v37 = {
    chats_info: [{ id: 'c', last_thread_info: { id: 't', last_event_per_type: { message: { event: {} } } } }],
  };
  const sample = (version, value) => ({
    api: 'agent',
    version,
    action: 'list_chats',
    kind: 'response',
    transport: 'web',
    sample: value,
    source: 'x#L1',
  });
  const [diff] = sampleDifferences([sample('3.6', v36)], [sample('3.7', v37)]);
  assert.deepEqual(diff.renamed, [
    'chats_summary → chats_info',
    'chats_info[].last_event_per_type → chats_info[].last_thread_info.last_event_per_type',
    'chats_info[].last_thread_summary → chats_info[].last_thread_info',
  ]);
  assert.deepEqual(diff.added, []);
  assert.deepEqual(diff.removed, ['chats_info[].last_thread_info.last_event_per_type.message.thread_id']);
});

test('a later changelog item the stable changelog repeats is marked; a lead-in line is not', () => {
  const item = (version, line, text) => ({ api: 'agent', version, text, source: `c.mdx#L${line}`, mentions: [] });
  const later = [
    item('3.7', 40, 'The [**Customer**](/x/v3.7/ds#customer) structure has a new `carts` field.'),
    item('3.7', 41, 'There are new pushes:'),
    item('3.7', 42, 'The **List Chats** response has `chats_info`.'),
  ];
  const stable = [
    item('3.6', 80, 'The [**Customer**](/x/ds#customer)  structure has a new `carts` field.'),
    item('3.6', 81, 'There are new pushes:'),
  ];
  markRepeats(later, stable);
  assert.deepEqual(
    later.map((i) => i.also_in),
    ['c.mdx#L80', undefined, undefined],
  );
});

test('a field a later structure table drops is said to be still in its sample when it is', () => {
  const table = (version, names) => ({
    api: 'agent',
    version,
    name: 'Customer',
    side: 'fields',
    fields: names.map((name) => ({ name, presence: 'optional', type: '' })),
    source: 's',
  });
  const sample = {
    api: 'agent',
    version: '3.7',
    kind: 'structure',
    action: 'Customer',
    sample: { id: 'c', phone_number: '+1' },
  };
  const [diff] = structureDifferences(
    [table('3.6', ['id', 'phone_number', 'omnichannel'])],
    [table('3.7', ['id', 'carts'])],
    [sample],
  );
  assert.deepEqual(diff.changes, [
    '`carts` added',
    '`phone_number` removed (the 3.7 sample still has it)',
    '`omnichannel` removed',
  ]);
});
