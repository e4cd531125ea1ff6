import { apis } from './generated/apis.js';
import { type GlobalFlags, takeGlobals } from './globals.js';
import { mainHelp } from './help.js';
import { writeErr, writeOut } from './output.js';

/** The commands besides `lc <api> …`, each loaded only when run. */
const COMMANDS: Record<
  string,
  () => Promise<{ run(args: string[], flags: GlobalFlags, signal: AbortSignal): Promise<void> }>
> = {
  rtm: () => import('./commands/rtm.js'),
  webhooks: () => import('./commands/webhooks.js'),
  simulator: () => import('./commands/simulator.js'),
  login: () => import('./commands/login.js'),
  logout: () => import('./commands/login.js').then((m) => ({ run: m.runLogout })),
  completion: () => import('./commands/completion.js'),
};

/** Runs `lc` with `argv` (without `node` and the script); resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const { flags, rest, problem } = takeGlobals(argv);
  const [command, ...args] = rest;
  if (!problem && command === undefined) {
    (flags.help ? writeOut : writeErr)(mainHelp());
    return flags.help ? 0 : 2;
  }
  // Ctrl+C aborts a request in flight (exit 130); long-running commands install their own handler.
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  try {
    if (problem) throw await usage(problem, 'lc --help');
    if (command === '--version') {
      writeOut(`${await version()}\n`);
    } else if (Object.hasOwn(apis, command!)) {
      const { runAction } = await import('./action/run.js');
      await runAction(command!, args, flags, controller.signal);
    } else if (Object.hasOwn(COMMANDS, command!)) {
      await (await COMMANDS[command!]!()).run(args, flags, controller.signal);
    } else {
      throw await usage(`unknown command "${command}"`, 'lc --help');
    }
    return 0;
  } catch (error) {
    const { EXIT, reportError } = await import('./errors.js');
    if (controller.signal.aborted) {
      writeErr('lc: interrupted\n');
      return EXIT.interrupted;
    }
    const where = Object.hasOwn(apis, command ?? '') ? `${command} ${args[0] ?? ''}`.trim() : (command ?? '');
    return reportError(error, where, flags.debug);
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
}

async function usage(message: string, help: string): Promise<Error> {
  const { UsageError } = await import('./errors.js');
  return new UsageError(message, help);
}

async function version(): Promise<string> {
  const { createRequire } = await import('node:module');
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}
