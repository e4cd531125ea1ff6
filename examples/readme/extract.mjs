// Writes each ```ts block of the repository README to snippets/NN.ts, with `declare`s for the
// free names a reader is expected to supply (their own ids, UI functions), so `tsc` checks that
// every call in the README matches the real API.
import fs from 'node:fs';

// The repository README and every package's README.
const root = new URL('../../', import.meta.url);
const files = [new URL('README.md', root)];
for (const pkg of fs.readdirSync(new URL('packages/', root)).sort()) {
  const file = new URL(`packages/${pkg}/README.md`, root);
  if (fs.existsSync(file)) files.push(file);
}
const blocks = files.flatMap((file) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]),
);
const FREE = {
  accountId: 'declare const accountId: string;',
  pat: 'declare const pat: string;',
  render: 'declare function render(...parts: unknown[]): void;',
  retryLater: 'declare function retryLater(): void;',
  getToken: "declare const getToken: import('@lc/core').TokenGetter;",
  agent: "declare const agent: import('@lc/agent').AgentWeb;",
  accessToken: 'declare const accessToken: string;',
  organizationID: 'declare const organizationID: string;',
  clientId: 'declare const clientId: string;',
  agentAccessToken: 'declare const agentAccessToken: string;',
  CLIENT_ID: 'declare const CLIENT_ID: string;',
  agentId: 'declare const agentId: string;',
  chatId: 'declare const chatId: string;',
  id: 'declare const id: string;',
  token: 'declare const token: string;',
  fs: "declare const fs: typeof import('node:fs/promises');",
  config: "declare const config: import('@lc/configuration').ConfigurationWeb;",
  configurationClient: "declare const configurationClient: import('@lc/configuration').ConfigurationWeb;",
  store: 'declare const store: { load(): Promise<string>; save(refreshToken: string): Promise<void> };',
  save: 'declare function save(value: unknown): Promise<void>;',
  sim: "declare const sim: import('@lc/testing').Simulator;",
  customerId: 'declare const customerId: string;',
  cart: "declare const cart: Parameters<import('@lc/testing').Simulator['updateCart']>[1];",
  handler: "declare const handler: import('@lc/webhooks').WebhookHandler;",
  app: 'declare const app: { post(path: string, handler: unknown): void };',
  // The widget README's page: its ids and DOM elements.
  organizationId: 'declare const organizationId: string;',
  chat_id: 'declare const chat_id: string;',
  badge: 'declare const badge: { textContent: string };',
  bar: 'declare const bar: { value: number };',
  file: 'declare const file: Blob;',
  signal: 'declare const signal: AbortSignal;',
  prepend: 'declare function prepend(...parts: unknown[]): void;',
  showBubble: 'declare function showBubble(...parts: unknown[]): void;',
  fastify:
    'declare const fastify: { post(path: string, route: (req: { method: string; body: unknown }, reply: { code(status: number): { headers(h: Record<string, string>): { send(body: string): void } } }) => Promise<void>): void };',
};
const dir = new URL('./snippets/', import.meta.url);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);
blocks.forEach((code, i) => {
  const prelude = Object.entries(FREE)
    .filter(
      ([name]) =>
        new RegExp(`\\b${name}\\b`).test(code) &&
        !new RegExp(`\\b(const|let|function|import)\\s+([{[][^}\\]]*)?\\b${name}\\b`).test(code),
    )
    .map(([, decl]) => decl);
  fs.writeFileSync(
    new URL(`${String(i + 1).padStart(2, '0')}.ts`, dir),
    `${prelude.join('\n')}\n${code}\nexport {};\n`,
  );
});
console.log(`READMEs: ${blocks.length} TypeScript snippets extracted from ${files.length} files`);
