// One timer for every RTM client of the process (or page). Each client registers the next moment it
// needs to run (a request deadline, the next heartbeat, a reconnect); a binary min-heap orders those
// moments and a single setTimeout waits for the earliest. An idle connection therefore holds no timer
// object of its own, and a request never creates one.
//
// Entries are not removed when a client re-schedules earlier: the old entry turns stale (the client's
// `[AT]` no longer matches it) and is skipped when it comes up. `unschedule` removes a client's entries
// at once, so that the timer stops (and Node can exit) as soon as no client needs it.

/** The time (clock ms) a client is scheduled for; -1 when it is not. */
export const AT: unique symbol = Symbol('lc.rtm.at');
/** Called when the time has come. */
export const RUN: unique symbol = Symbol('lc.rtm.run');

export interface Timed {
  [AT]: number;
  [RUN](now: number): void;
}

const MAX_TIMER_DELAY = 2_147_483_647;

/** Whole milliseconds on the monotonic clock (immune to wall-clock jumps); small integers. */
export function clock(): number {
  return Math.floor(performance.now());
}

let ats: number[] | undefined;
let items: Timed[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = 0;

/** Runs `item[RUN]` at `at` (clock ms) unless it is re-scheduled or unscheduled first. */
export function schedule(item: Timed, at: number): void {
  item[AT] = at;
  const a = (ats ??= []);
  // sift up
  let i = a.length;
  a.push(at);
  items.push(item);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (a[p]! <= at) break;
    a[i] = a[p]!;
    items[i] = items[p]!;
    i = p;
  }
  a[i] = at;
  items[i] = item;
  if (timer === undefined || at < timerAt) arm(at);
}

/** Forgets every entry of `item`; stops the timer when nothing is left. */
export function unschedule(item: Timed): void {
  item[AT] = -1;
  const a = ats;
  if (a === undefined) return;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (items[i] === item) continue;
    a[j] = a[i]!;
    items[j] = items[i]!;
    j++;
  }
  if (j === a.length) return;
  a.length = j;
  items.length = j;
  for (let i = (j >> 1) - 1; i >= 0; i--) siftDown(i);
  if (j === 0) {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    ats = undefined;
    items = [];
  } else if (a[0]! > timerAt) {
    arm(a[0]!);
  }
}

function arm(at: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timerAt = at;
  const delay = at - clock();
  timer = setTimeout(fire, delay <= 0 ? 0 : delay < MAX_TIMER_DELAY ? delay : MAX_TIMER_DELAY);
}

function fire(): void {
  timer = undefined;
  const now = clock();
  const a = ats;
  while (a !== undefined && a.length > 0 && a[0]! <= now) {
    const at = a[0]!;
    const item = items[0]!;
    pop();
    if (item[AT] !== at) continue; // stale: re-scheduled or unscheduled since
    item[AT] = -1;
    item[RUN](now);
  }
  if (ats !== undefined && ats.length > 0 && (timer === undefined || ats[0]! < timerAt)) arm(ats[0]!);
  else if (ats !== undefined && ats.length === 0 && timer === undefined) {
    ats = undefined;
    items = [];
  }
}

function pop(): void {
  const a = ats!;
  const lastAt = a.pop()!;
  const lastItem = items.pop()!;
  if (a.length === 0) return;
  a[0] = lastAt;
  items[0] = lastItem;
  siftDown(0);
}

function siftDown(start: number): void {
  const a = ats!;
  const n = a.length;
  let i = start;
  const at = a[i]!;
  const item = items[i]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && a[c + 1]! < a[c]!) c++;
    if (a[c]! >= at) break;
    a[i] = a[c]!;
    items[i] = items[c]!;
    i = c;
  }
  a[i] = at;
  items[i] = item;
}
