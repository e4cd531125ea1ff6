// The frames around payloads: the RTM push frame and the webhook envelope, from the docs' "general
// format" samples of the stable version.
import fs from 'node:fs';
import path from 'node:path';
import { parseSample } from './jsonc.mjs';
import { parseMdx } from './mdx.mjs';
import { pagePath } from './pages.mjs';

/** The first code block wrapped in a <CodeResponse> whose title matches `title`, parsed. */
function generalFormat(docs, rel, title) {
  if (!rel) return undefined;
  const items = parseMdx(fs.readFileSync(path.join(docs, rel), 'utf8'));
  const item = items.find((i) => i.kind === 'code' && title.test(i.wrapper?.attrs.title ?? ''));
  return item && { value: parseSample(item.text).value, source: `${rel}#L${item.line}` };
}

/** `{ push_frame, webhook_envelope }`: each format's fields, sample and source. */
export function envelopes(docs, stable) {
  const push = generalFormat(docs, pagePath(docs, 'agent', 'pushes', stable, stable), /general push format/i);
  const hook = generalFormat(docs, pagePath(docs, 'configuration', 'web', stable, stable), /general webhook format/i);
  return {
    push_frame: { fields: Object.keys(push?.value ?? {}), sample: push?.value ?? null, source: push?.source ?? null },
    webhook_envelope: {
      fields: Object.keys(hook?.value ?? {}),
      additional_data: Object.keys(hook?.value?.additional_data ?? {}),
      sample: hook?.value ?? null,
      source: hook?.source ?? null,
    },
  };
}
