// spec/samples.json: every JSON sample the docs show for an action (request, response, push, webhook)
// and every data-structure sample, mapped to api/version/action, with the line it comes from.
import fs from 'node:fs';
import path from 'node:path';
import { actionOf } from './actions.mjs';
import { curlPayload } from './curl.mjs';
import { parseSample } from './jsonc.mjs';
import { parseMdx, plain, sections } from './mdx.mjs';
import { payloadFile } from './pages.mjs';

const KIND_OF_ROLE = { web: 'response', rtm: 'response', pushes: 'push', webhooks: 'webhook', structures: 'structure' };
/** Wrapper titles that only repeat the kind; any other title is kept (it tells variants apart). */
const PLAIN_TITLES = /^(request|response|sample push payload|sample webhook)$/i;

/** The kind of a sample from the <CodeSample>/<CodeResponse> around it. */
function kindOf(wrapper, role) {
  if (!wrapper) return undefined;
  const label = wrapper.attrs.path ?? wrapper.attrs.title ?? '';
  if (/request/i.test(label) && !/format/i.test(label)) return role === 'web' || role === 'rtm' ? 'request' : undefined;
  if (/format|error payload/i.test(label)) return undefined;
  return KIND_OF_ROLE[role];
}

/** One sample record from a code block or a payload reference. */
function sampleOf(docs, item, base) {
  const title = item.wrapper?.attrs.path ?? item.wrapper?.attrs.title ?? item.attrs?.title;
  const extra = title && !PLAIN_TITLES.test(plain(title)) ? { title: plain(title) } : {};
  if (item.kind === 'ref') {
    const file = payloadFile(docs, item.attrs.type, item.attrs.version ?? '', item.attrs.json);
    if (!file)
      return {
        ...base,
        ...extra,
        invalid: `no payload file for json="${item.attrs.json}"`,
        raw: '',
        source: `${base.page}#L${item.line}`,
      };
    const text = fs.readFileSync(path.join(docs, file), 'utf8');
    return record({ ...base, ...extra, source: `${file}#L1` }, parseSample(text), text);
  }
  const source = `${base.page}#L${item.line}`;
  if (base.kind === 'request' && base.transport === 'web') {
    const { encoding, value, invalid, repair } = curlPayload(item.text);
    return record({ ...base, ...extra, encoding, source }, { value, invalid, repair }, item.text);
  }
  return record({ ...base, ...extra, source }, parseSample(item.text), item.text);
}

/**
 * A valid sample is `{ ..., sample }`. An invalid one keeps the docs' raw text and says why; its
 * `sample` is the repaired value when a repair was safe (`repair` says which), else null.
 */
function record(base, parsed, raw) {
  const { page, ...rest } = base;
  if (parsed.invalid === undefined) return { ...rest, sample: parsed.value };
  const repaired = parsed.repair ? { repair: parsed.repair } : {};
  return { ...rest, sample: parsed.repair ? parsed.value : null, invalid: parsed.invalid, ...repaired, raw };
}

/** The samples of one reference, pushes or webhooks page. */
export function pageSamples(docs, page, version) {
  const items = parseMdx(fs.readFileSync(path.join(docs, page.path), 'utf8'));
  if (page.role === 'structures') return structureSamples(docs, page, version, items);
  const out = [];
  for (const section of sections(items)) {
    const action = actionOf(section, page.role);
    if (!action) {
      out.push(...titledStructures(docs, page, version, section));
      continue;
    }
    for (const item of section.items) {
      if (item.kind !== 'code' && item.kind !== 'ref') continue;
      if (item.kind === 'code' && !['json', 'shell', 'bash', ''].includes(item.lang)) continue;
      const wrapper = item.kind === 'ref' ? { attrs: item.attrs } : item.wrapper;
      // The `ping` request frame stands in the introduction's prose, outside any <CodeSample>.
      const kind = action === 'ping' && !wrapper ? 'request' : kindOf(wrapper, page.role);
      if (!kind) continue;
      const transport = page.role === 'web' || page.role === 'rtm' ? page.role : undefined;
      const api = page.api === 'webhooks' ? 'webhooks' : page.api;
      out.push(sampleOf(docs, item, { api, version, action, kind, ...(transport && { transport }), page: page.path }));
    }
  }
  return out;
}

/** Samples titled "Sample <name>" outside any method (the Reports filters): structures named by the title. */
function titledStructures(docs, page, version, section) {
  const out = [];
  for (const item of section.items) {
    const title = plain((item.kind === 'ref' ? item.attrs : item.wrapper?.attrs)?.title ?? '');
    const name = /^Sample (.+)$/.exec(title)?.[1];
    if (!name || (item.kind !== 'ref' && item.kind !== 'code')) continue;
    out.push(sampleOf(docs, item, { api: page.api, version, action: name, kind: 'structure', page: page.path }));
  }
  return out;
}

/** Data-structure samples, named by their heading (`Cart`, `Chat summaries`). */
function structureSamples(docs, page, version, items) {
  const out = [];
  let h2;
  let h3;
  for (const item of items) {
    if (item.kind === 'heading') {
      if (item.level <= 2) [h2, h3] = [plain(item.text), undefined];
      else if (item.level === 3) h3 = plain(item.text);
      continue;
    }
    if (item.kind !== 'ref' && !(item.kind === 'code' && item.lang === 'json' && item.wrapper)) continue;
    const name = h3 && !/^(request|response)$/i.test(h3) ? h3 : h2;
    const base = { api: page.api, version, action: name, kind: 'structure', page: page.path };
    out.push(sampleOf(docs, item, base));
  }
  return out;
}

const KIND_ORDER = ['request', 'response', 'push', 'webhook', 'structure'];

/** Stable order: api, version, action, kind, transport, then where in the docs. */
export function sortSamples(samples) {
  const key = (s) => {
    const [file, line] = s.source.split('#L');
    // `3.10` after `3.9`: version parts compare as numbers.
    const version = s.version.replace(/\d+/g, (n) => n.padStart(4, '0'));
    return [s.api, version, s.action, KIND_ORDER.indexOf(s.kind), s.transport ?? '', file, Number(line)];
  };
  return samples
    .map((s) => [key(s), s])
    .sort(([a], [b]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return 0;
    })
    .map(([, s]) => s);
}
