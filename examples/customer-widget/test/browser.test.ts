// The widget in a real browser: headless Chromium (Debian's `chromium`) driven by playwright-core.
// Without /usr/bin/chromium the test is skipped, unless LC_REQUIRE_BROWSER=1 (CI), then it fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulatorAccount, startBot, type Bot } from '@lc-examples/agent-bot';
import { startSimulator, type Simulator } from '@lc/testing';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWidgetServer, type WidgetServer } from '../src/server.mjs';

const CHROMIUM = process.env.LC_CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const required = process.env.LC_REQUIRE_BROWSER === '1';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = fileURLToPath(new URL('../../../.artifacts/', import.meta.url));

if (!hasChromium) {
  const message = `Chromium not found at ${CHROMIUM} (install Debian's package: apt-get install -y chromium)`;
  if (required) {
    describe('customer widget in a real browser', () => {
      it('needs Chromium (LC_REQUIRE_BROWSER=1)', () => {
        throw new Error(`${message}; LC_REQUIRE_BROWSER=1 makes this a failure`);
      });
    });
  } else {
    console.warn(`skipping the real-browser test: ${message}`);
  }
}

describe.skipIf(!hasChromium)('customer widget in a real browser', () => {
  let sim: Simulator;
  let bot: Bot;
  let server: WidgetServer;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    bot = await startBot({
      tokenGetter: await simulatorAccount(sim),
      apiUrl: sim.wsUrl,
    });
    server = await startWidgetServer({
      config: {
        organizationId: sim.organizationId,
        clientId: sim.clientId,
        apiUrl: sim.wsUrl,
        accountsUrl: sim.accountsUrl,
      },
    });
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-widget-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 520, height: 680 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    await server?.close();
    await bot?.close();
    await sim?.close();
  });

  const state = () => page.getByTestId('state');
  const agentMessages = () => page.locator('.lc-msg.lc-agent .lc-text');

  async function send(text: string): Promise<void> {
    await page.getByTestId('input').fill(text);
    await page.getByTestId('send').click();
  }

  it('chats with the bot, survives a dropped socket and keeps chatting', async () => {
    await page.goto(server.url);
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    expect(await state().textContent()).toBe('Connected');

    // The customer token came from the cookie grant: the simulator set the customer cookies.
    const cookies = await context.cookies(sim.url);
    expect(cookies.map((c) => c.name).sort()).toEqual(['__lc_cid', '__lc_cst']);

    // Start a chat with the first message; the bot's reply is rendered.
    await send('Hello from the browser');
    await expect
      .poll(() => agentMessages().allTextContents(), { timeout: 10_000 })
      .toEqual(['Hello! How can I help you today?']);
    await expect
      .poll(() => page.locator('.lc-msg.lc-customer .lc-text').allTextContents())
      .toEqual(['Hello from the browser']);
    const chats = sim.chats();
    expect(chats).toHaveLength(1);

    // The simulator kills the page's socket (no closing handshake): the SDK reconnects and logs in again.
    expect(sim.dropSockets({ api: 'customer' })).toBe(1);
    await expect.poll(() => state().getAttribute('data-reconnects'), { timeout: 10_000 }).toBe('1');
    expect(await state().getAttribute('data-state')).toBe('ready');
    expect(await state().textContent()).toBe('Connected (reconnected)');
    await expect
      .poll(() => page.locator('.lc-system').allTextContents())
      .toEqual(['Connection lost. Reconnecting…', 'Reconnected.']);

    // The same chat goes on over the new socket.
    await send('What are your opening hours?');
    await expect
      .poll(() => agentMessages().allTextContents(), { timeout: 10_000 })
      .toEqual(['Hello! How can I help you today?', 'We are open around the clock: I am a bot, I never sleep.']);
    expect(sim.chats()).toHaveLength(1);
    const stored = sim
      .events(String(chats[0]!.id))
      .filter((e) => e.type === 'message')
      .map((e) => e.text);
    expect(stored).toEqual([
      'Hello from the browser',
      'Hello! How can I help you today?',
      'What are your opening hours?',
      'We are open around the clock: I am a bot, I never sleep.',
    ]);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('is the same customer with the same chat after a reload (cookie grant)', async () => {
    await page.reload();
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 10_000 }).toBe('ready');
    await expect.poll(() => page.locator('.lc-msg .lc-text').count(), { timeout: 10_000 }).toBe(4);
    await send('Thanks, bye!');
    await expect
      .poll(() => agentMessages().last().textContent(), { timeout: 10_000 })
      .toBe('You are welcome! Have a great day.');
    expect(sim.chats()).toHaveLength(1);
  }, 60_000);
});
