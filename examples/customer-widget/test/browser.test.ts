// The widget in a real browser: headless Chromium (Debian's `chromium`) driven by playwright-core.
// Without /usr/bin/chromium the test is skipped, unless LC_REQUIRE_BROWSER=1 (CI), then it fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { simulatorAccount, startBot, type Bot } from '@lc-examples/agent-bot';
import { startSimulator, type Simulator } from '@lc/testing';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
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
/**
 * The screenshot the example's README shows (every feature on one page): rewritten only with
 * `LC_UPDATE_SCREENSHOT=1`, so a test run leaves the tracked file alone (`.artifacts/widget.png` always).
 */
const SCREENSHOT = fileURLToPath(new URL('../screenshot.png', import.meta.url));

/** A PNG of `width` × `height` (a blue-to-green gradient), stored without compression so the upload is large. */
function gradientPng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++)
      row.set([36, 84 + Math.round((150 * x) / width), 214 - Math.round((120 * y) / height)], 1 + x * 3);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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
      viewport: { width: 520, height: 1000 },
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
  /** Records every text the element with `testId` shows from now on (transient ones included). */
  const record = (testId: string) =>
    page.evaluate((id) => {
      const target = document.querySelector(`[data-testid="${id}"]`)!;
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[`seen:${id}`] = seen;
      new MutationObserver(() => seen.push(target.textContent ?? '')).observe(target, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    }, testId);
  const recorded = (testId: string) =>
    page.evaluate((id) => (window as unknown as Record<string, string[]>)[`seen:${id}`] ?? [], testId);
  const agentMessages = () => page.locator('.lc-msg.lc-agent .lc-text');

  async function send(text: string): Promise<void> {
    await page.getByTestId('input').fill(text);
    await page.getByTestId('send').click();
  }

  it('chats with the bot, survives a dropped socket and keeps chatting', async () => {
    await page.goto(server.url);
    await expect.poll(() => state().getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
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

    // The simulator kills the page's socket (no closing handshake): the SDK reconnects and logs in again,
    // and the badge (connectionStatus) says so on the way.
    await record('state');
    expect(sim.dropSockets({ api: 'customer' })).toBe(1);
    await expect.poll(() => state().getAttribute('data-reconnects'), { timeout: 10_000 }).toBe('1');
    expect(await state().getAttribute('data-status')).toBe('connected');
    expect(await state().textContent()).toBe('Connected (reconnected)');
    expect(await recorded('state')).toContain('Reconnecting (attempt 1)…');
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

    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('is the same customer with the same chat after a reload (cookie grant)', async () => {
    await page.reload();
    await expect.poll(() => state().getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
    await expect.poll(() => page.locator('.lc-msg .lc-text').count(), { timeout: 10_000 }).toBe(4);
    await send('Thanks, bye!');
    await expect
      .poll(() => agentMessages().last().textContent(), { timeout: 10_000 })
      .toBe('You are welcome! Have a great day.');
    expect(sim.chats()).toHaveLength(1);
  }, 60_000);

  it('loads earlier messages: a new thread after ending the chat, the first thread on demand', async () => {
    await page.getByTestId('end-chat').click();
    await expect.poll(() => page.locator('.lc-system .lc-text').last().textContent()).toMatch(/closed the chat/);
    await send('Hello again');
    await expect
      .poll(() => agentMessages().last().textContent(), { timeout: 10_000 })
      .toBe('Hello! How can I help you today?');
    const chat = sim.chats()[0] as { threads: unknown[] };
    expect(chat.threads).toHaveLength(2);

    // A reload shows the current thread only; the first one comes back with "Load earlier messages".
    await page.reload();
    await expect.poll(() => state().getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
    const texts = () => page.locator('.lc-msg .lc-text').allTextContents();
    await expect.poll(texts, { timeout: 10_000 }).toEqual(['Hello again', 'Hello! How can I help you today?']);
    await page.getByTestId('earlier').click();
    await expect
      .poll(texts)
      .toEqual([
        'Hello from the browser',
        'Hello! How can I help you today?',
        'What are your opening hours?',
        'We are open around the clock: I am a bot, I never sleep.',
        'Thanks, bye!',
        'You are welcome! Have a great day.',
        expect.stringMatching(/closed the chat/),
        'Hello again',
        'Hello! How can I help you today?',
      ]);
    // Ten events per click: the seven of the first thread were all there were.
    await expect.poll(() => page.getByTestId('earlier').getAttribute('data-done')).toBe('true');
    expect(await page.getByTestId('earlier').textContent()).toBe('Beginning of the conversation');
    // Each event once, though the page loaded the current thread, the history and pushes.
    const ids = await page
      .locator('.lc-msg[data-event-id]')
      .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.eventId));
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);

  it('cancels an upload before it completes: the Cancel button aborts it, nothing is stored', async () => {
    const files = () => sim.events(String(sim.chats()[0]!.id)).filter((e) => e.type === 'file').length;
    const before = files();
    const uploads = sim.requests({ action: 'upload_file' }).length;
    // The upload is held on its way (never answered), so it is still running when Cancel is clicked.
    const held: Route[] = [];
    await page.route('**/upload_file**', (route) => {
      held.push(route);
    });
    try {
      await page
        .getByTestId('file')
        .setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: gradientPng(320, 200) });
      await expect.poll(() => held.length).toBe(1);
      expect(await page.getByTestId('upload').getAttribute('data-state')).toBe('uploading');
      await page.getByTestId('upload-cancel').click();
      await expect.poll(() => page.getByTestId('upload').getAttribute('data-state')).toBe('canceled');
    } finally {
      // A held route left unhandled may be let through when the route is removed, which would send the
      // canceled upload to the simulator after all: end it here.
      await Promise.allSettled(held.map((route) => route.abort()));
      await page.unroute('**/upload_file**');
    }
    expect(await page.getByTestId('upload-percent').textContent()).toBe('Canceled');
    expect(files()).toBe(before);
    expect(sim.requests({ action: 'upload_file' })).toHaveLength(uploads);
  }, 60_000);

  it('sends an image with a progress bar that reaches 100 %', async () => {
    const png = gradientPng(640, 420);
    await record('upload-percent');
    await page.getByTestId('file').setInputFiles({ name: 'gradient.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-state'), { timeout: 10_000 }).toBe('done');
    expect(await page.getByTestId('upload-progress').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(100);
    // The last progress report (XMLHttpRequest upload events) had the whole multipart body sent.
    const [sent, total] = (await page.getByTestId('upload').getAttribute('data-sent'))!.split('/').map(Number);
    expect(sent).toBe(total);
    expect(total).toBeGreaterThan(png.length);
    const percents = (await recorded('upload-percent')).map((text) => Number.parseInt(text, 10));
    expect(percents.at(-1)).toBe(100);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // The image is in the chat (drawn from the incoming_event push) and on the simulator, byte for byte.
    const src = await page.locator('.lc-msg.lc-customer img.lc-image').last().getAttribute('src');
    expect(src).toMatch(new RegExp(`^${sim.url}/files/`));
    expect(Buffer.from(await (await fetch(src!)).arrayBuffer()).equals(png)).toBe(true);
    await expect
      .poll(() =>
        page
          .locator('.lc-msg.lc-customer img.lc-image')
          .last()
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBe(640);
    const files = sim.events(String(sim.chats()[0]!.id)).filter((e) => e.type === 'file');
    expect(files.map((e) => e.url)).toEqual([src]);
  }, 60_000);

  it('rates the chat, cancels the rating and rates again; the simulator keeps it on the thread', async () => {
    const chatId = String(sim.chats()[0]!.id);
    const latestRating = () => {
      const threads = (sim.chat(chatId) as { threads: { properties?: { rating?: unknown } }[] }).threads;
      return threads.at(-1)!.properties?.rating;
    };
    await page.getByTestId('rate-comment').fill('Quick answers');
    await page.getByTestId('rate-good').click();
    await expect
      .poll(() => page.getByTestId('rating-state').textContent())
      .toBe('You rated this chat good: “Quick answers”');
    expect(latestRating()).toEqual({ score: 1, comment: 'Quick answers' });
    // The platform's system message about it, on the thread.
    expect(
      sim
        .events(chatId)
        .filter((e) => e.system_message_type === 'rating.chat_rated')
        .map((e) => e.text),
    ).toEqual([expect.stringMatching(/rated the chat as good$/)]);

    await page.getByTestId('rate-cancel').click();
    await expect.poll(() => page.getByTestId('rating-state').textContent()).toBe('');
    expect(latestRating()).toBeUndefined();

    await page.getByTestId('rate-comment').fill('The bot knew the opening hours');
    await page.getByTestId('rate-good').click();
    await expect.poll(() => latestRating()).toEqual({ score: 1, comment: 'The bot knew the opening hours' });

    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows a greeting; "Chat now" accepts it, "Dismiss" cancels the next one', async () => {
    const res = await fetch(`${sim.url}/v3.6/configuration/action/create_greeting`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.agents[0]!.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'normal',
        active: true,
        name: 'Offer',
        group: 0,
        rules: [{ condition: 'and', type: 'url_current', operator: 'contains', value: '/never' }],
        properties: { 'greeting-message_text': 'Free shipping today. Questions?' },
      }),
    });
    const { id: greetingId } = (await res.json()) as { id: number };
    const chat = sim.chats()[0] as { users: { id: string; type: string }[] };
    const customerId = chat.users.find((user) => user.type === 'customer')!.id;
    const greeting = page.getByTestId('greeting');

    const first = sim.showGreeting(customerId, greetingId);
    await expect.poll(() => greeting.isVisible()).toBe(true);
    expect(await greeting.locator('.lc-greeting-text').textContent()).toBe('Free shipping today. Questions?');
    await page.getByTestId('greeting-accept').click();
    await expect.poll(() => sim.greeting(first)?.state).toBe('accepted');
    expect(await greeting.isVisible()).toBe(false);

    const second = sim.showGreeting(customerId, greetingId);
    await expect.poll(() => greeting.getAttribute('data-unique-id')).toBe(second);
    await page.getByTestId('greeting-cancel').click();
    await expect.poll(() => sim.greeting(second)?.state).toBe('canceled');

    // A third stays on screen for the screenshot.
    const third = sim.showGreeting(customerId, greetingId);
    await expect.poll(() => greeting.getAttribute('data-unique-id')).toBe(third);
  }, 60_000);

  it('reconnects as soon as the network is back instead of waiting out the backoff', async () => {
    // Each status change with the page's clock (the reconnect delay it announced, and when).
    await page.evaluate(() => {
      const badge = document.querySelector('[data-testid="state"]') as HTMLElement;
      const log: { status: string; delay: number; at: number }[] = [];
      (window as unknown as { statusLog: typeof log }).statusLog = log;
      new MutationObserver(() =>
        log.push({
          status: badge.dataset.status ?? '',
          delay: Number(badge.dataset.delay || 0),
          at: performance.now(),
        }),
      ).observe(badge, { attributes: true, attributeFilter: ['data-status', 'data-delay'] });
    });
    const statusLog = () =>
      page.evaluate(
        () => (window as unknown as { statusLog: { status: string; delay: number; at: number }[] }).statusLog,
      );

    // Offline: the browser says so (the badge marks the connection unstable), then the socket drops
    // and every attempt fails, so the backoff grows.
    await context.setOffline(true);
    await expect.poll(() => state().textContent()).toBe('Connected (network unstable)');
    sim.dropSockets({ api: 'customer' });
    await expect
      .poll(async () => (await statusLog()).filter((s) => s.status === 'reconnecting').at(-1)?.delay ?? 0, {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(2_000);
    await context.setOffline(false);
    await expect.poll(() => state().getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
    const log = await statusLog();
    const waiting = log.filter((s) => s.status === 'reconnecting').at(-1)!;
    const connected = log.filter((s) => s.status === 'connected').at(-1)!;
    // The `online` event started the attempt: connected before the announced delay was over.
    expect(connected.at - waiting.at).toBeLessThan(waiting.delay);
    await send('Back online');
    await expect.poll(() => page.locator('.lc-msg.lc-customer .lc-text').last().textContent()).toBe('Back online');

    // Every feature on one page: history loaded, the uploaded image, the rating, the status badge.
    await page.locator('.lc-msg.lc-customer img.lc-image').last().scrollIntoViewIfNeeded();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'widget.png') });
    if (process.env.LC_UPDATE_SCREENSHOT === '1') await page.screenshot({ path: SCREENSHOT });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
