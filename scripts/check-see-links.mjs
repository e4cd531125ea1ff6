#!/usr/bin/env node
// Every `@see` link in a package's src points to the docs of the API that package speaks (an Agent
// type that links to the Customer Chat API docs sends its reader to the wrong method or push).
import fs from 'node:fs';
import path from 'node:path';
import { root } from './gen/spec.mjs';

const DOCS = 'https://platform.text.com/docs/';
/** Package → the docs sections its `@see` links may point to, with why where it is not obvious. */
const OWN_DOCS = {
  agent: ['messaging/agent-chat-api'],
  customer: ['messaging/customer-chat-api', 'authorization/customer-authorization'],
  configuration: ['management/configuration-api'],
  reports: ['data-reporting/reports-api'],
  pat: ['authorization/'],
  // Webhooks are registered through the Configuration API; their payloads carry Agent Chat API structures.
  webhooks: ['management/webhooks', 'management/configuration-api', 'messaging/agent-chat-api/data-structures'],
  // Core holds what every API shares: the Chat APIs' structures, configuration types, transports.
  core: ['messaging/', 'management/configuration-api', 'extending-ui/extending-chat-widget/rich-messages'],
  // The simulator plays every API.
  testing: [''],
  // The command line speaks every API.
  cli: [''],
};

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(file);
    else if (/\.[cm]?ts$/.test(entry.name)) yield file;
  }
}

let problems = 0;
let links = 0;
for (const pkg of fs.readdirSync(path.join(root, 'packages'))) {
  const src = path.join(root, 'packages', pkg, 'src');
  if (!fs.existsSync(src)) continue;
  const allowed = OWN_DOCS[pkg];
  if (!allowed) {
    console.error(`✗ packages/${pkg}: no entry in OWN_DOCS of scripts/check-see-links.mjs`);
    problems++;
    continue;
  }
  for (const file of sourceFiles(src)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      for (const [, url] of line.matchAll(/@see\s+(\S+)/g)) {
        links++;
        if (!url.startsWith('http')) continue; // `{@link X}`-style references
        if (url.startsWith(DOCS) && allowed.some((section) => url.slice(DOCS.length).startsWith(section))) continue;
        console.error(`✗ ${path.relative(root, file)}:${i + 1}: @see ${url} is not ${pkg}'s docs`);
        problems++;
      }
    }
  }
}
if (problems) process.exit(1);
console.log(`✓ ${links} @see links point to their own API's docs`);
