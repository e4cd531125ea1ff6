import { expect, it } from 'vitest';
import { InputError, paginate, ProtocolError } from '../src/index.js';

// A payload that is not an object is the transport's InputError, before anything is sent: see the
// Customer Web and RTM tests ("…Pages with a payload that is not an object").
it('no payload at all sends {}', async () => {
  const sent: object[] = [];
  const send = async (_a: string, p: object) => {
    sent.push(p);
    return {};
  };
  await paginate(send, 'list_threads', undefined as unknown as object, ['chat_id'], undefined).next();
  expect(sent).toEqual([{}]);
});

it('stops with a ProtocolError when the server repeats the same next_page_id, instead of looping forever', async () => {
  let calls = 0;
  const send = async () => {
    ++calls;
    return { next_page_id: 'same' };
  };
  const pages: unknown[] = [];
  const err = await (async () => {
    for await (const page of paginate(send, 'list_chats', {}, [], undefined)) if (pages.push(page) > 100) break;
  })().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ProtocolError);
  expect(pages).toHaveLength(2);
  expect(calls).toBe(2);
});

it('uploadForm: a detached (transferred) ArrayBuffer is an InputError, not a TypeError', async () => {
  const { uploadForm } = await import('../src/index.js');
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
  expect(() => uploadForm({ file: buffer })).toThrow(InputError);
});

it('withDeadline: TimeoutError even when the work ignores its signal; no timer left after success', async () => {
  const { withDeadline, TimeoutError } = await import('../src/index.js');
  let seen: AbortSignal | undefined;
  const err = await withDeadline(
    (signal) => {
      seen = signal;
      return new Promise(() => {});
    },
    20,
    'x',
  ).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TimeoutError);
  expect(err).toMatchObject({ timeout: 20, action: 'x' });
  expect(seen?.aborted).toBe(true);
  const timers = (): number =>
    (process as unknown as { getActiveResourcesInfo(): string[] })
      .getActiveResourcesInfo()
      .filter((r) => r === 'Timeout').length;
  const before = timers();
  await expect(withDeadline(async () => 'ok', 60_000)).resolves.toBe('ok');
  expect(timers()).toBe(before);
  await expect(
    withDeadline(() => {
      throw new RangeError('sync');
    }, 60_000),
  ).rejects.toBeInstanceOf(RangeError);
  expect(timers()).toBe(before);
});
