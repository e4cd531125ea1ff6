import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AT, clock, RUN, schedule, unschedule, type Timed } from '../src/rtm/scheduler.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function item(log: string[], name: string, again?: () => number | undefined): Timed {
  const t: Timed = {
    [AT]: -1,
    [RUN](now) {
      log.push(`${name}@${now - t0}`);
      const next = again?.();
      if (next !== undefined) schedule(t, now + next);
    },
  };
  return t;
}
let t0 = 0;

it('runs each client at its time with one timer, skipping stale entries', async () => {
  t0 = clock();
  const log: string[] = [];
  const a = item(log, 'a');
  const b = item(log, 'b');
  const c = item(log, 'c');
  schedule(a, t0 + 300);
  schedule(b, t0 + 100);
  schedule(c, t0 + 200);
  schedule(a, t0 + 50); // earlier: the +300 entry of a is now stale
  expect(vi.getTimerCount()).toBe(1);
  await vi.advanceTimersByTimeAsync(1000);
  expect(log).toEqual(['a@50', 'b@100', 'c@200']);
  expect(vi.getTimerCount()).toBe(0);
});

it('re-scheduling from RUN works, and unschedule stops the timer at once', async () => {
  t0 = clock();
  const log: string[] = [];
  let n = 0;
  const a = item(log, 'a', () => (++n < 3 ? 100 : undefined));
  const b = item(log, 'b');
  schedule(a, t0 + 100);
  schedule(b, t0 + 10_000);
  await vi.advanceTimersByTimeAsync(350);
  expect(log).toEqual(['a@100', 'a@200', 'a@300']);
  unschedule(b);
  expect(b[AT]).toBe(-1);
  expect(vi.getTimerCount()).toBe(0);
  await vi.advanceTimersByTimeAsync(20_000);
  expect(log).toHaveLength(3);
});

it('keeps order with many clients', async () => {
  t0 = clock();
  const log: string[] = [];
  const times = Array.from({ length: 200 }, (_, i) => (i * 7919) % 1000);
  times.forEach((t, i) => schedule(item(log, String(i)), t0 + t));
  await vi.advanceTimersByTimeAsync(1000);
  const seen = log.map((l) => Number(l.split('@')[1]));
  expect(seen).toEqual([...times].sort((x, y) => x - y));
  expect(vi.getTimerCount()).toBe(0);
});
