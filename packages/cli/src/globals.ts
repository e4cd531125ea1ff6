/** The flags every `lc` command takes, wherever they stand on the command line. */
export interface GlobalFlags {
  apiUrl?: string;
  apiVersion?: string;
  timeout?: number;
  verbose: boolean;
  debug: boolean;
  paginate: boolean;
  help: boolean;
}

const VALUED = { '--api-url': 'apiUrl', '--api-version': 'apiVersion', '--timeout': 'timeout' } as const;
const SWITCHES = {
  '--verbose': 'verbose',
  '-v': 'verbose',
  '--debug': 'debug',
  '--paginate': 'paginate',
  '--help': 'help',
  '-h': 'help',
} as const;

/** Splits the global flags off `argv`; what is left is the command and its own arguments. */
export function takeGlobals(argv: readonly string[]): { flags: GlobalFlags; rest: string[]; problem?: string } {
  const flags: GlobalFlags = { verbose: false, debug: false, paginate: false, help: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    if (Object.hasOwn(SWITCHES, name)) {
      flags[SWITCHES[name as keyof typeof SWITCHES]] = true;
    } else if (Object.hasOwn(VALUED, name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return { flags, rest, problem: `${name} needs a value` };
      const key = VALUED[name as keyof typeof VALUED];
      if (key === 'timeout') {
        const ms = Number(value);
        if (!Number.isFinite(ms) || ms <= 0)
          return { flags, rest, problem: '--timeout must be a positive number of ms' };
        flags.timeout = ms;
      } else flags[key] = value;
    } else rest.push(arg);
  }
  return { flags, rest };
}

export function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
