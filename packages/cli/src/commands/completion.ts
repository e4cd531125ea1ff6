import { UsageError } from '../errors.js';
import { apis } from '../generated/apis.js';
import type { GlobalFlags } from '../globals.js';
import { writeOut } from '../output.js';
import type { ActionTable } from '../table.js';

const HELP = `Usage: lc completion bash|zsh|fish

Prints a completion script for commands, actions and their --field flags:
  bash   source <(lc completion bash)            (or save it in ~/.local/share/bash-completion/completions/lc)
  zsh    lc completion zsh > "\${fpath[1]}/_lc"   (then restart zsh)
  fish   lc completion fish > ~/.config/fish/completions/lc.fish
`;

const GLOBAL_FLAGS = ['--api-url', '--api-version', '--paginate', '--timeout', '--verbose', '--debug', '--help'];
const COMMANDS: Record<string, string[]> = {
  rtm: ['agent', 'customer', '--push'],
  webhooks: ['listen', '--port', '--host', '--secret', '--forward-to'],
  simulator: ['--port', '--host'],
  login: ['--account-id', '--no-verify'],
  logout: [],
  completion: ['bash', 'zsh', 'fish'],
};

/** Every API's actions (all versions) and each action's flags (fields that can be given as flags). */
type Words = { apis: Record<string, Record<string, string[]>>; commands: Record<string, string[]> };

async function words(): Promise<Words> {
  const out: Words = { apis: {}, commands: COMMANDS };
  for (const [api, { versions }] of Object.entries(apis)) {
    const actions: Record<string, Set<string>> = {};
    for (const load of Object.values(versions)) {
      const table = (await load()) as ActionTable;
      for (const [name, action] of Object.entries(table.actions)) {
        const flags = (actions[name] ??= new Set());
        for (const [field] of action.fields) if (!/<|\[\]./.test(field)) flags.add(`--${field.replace(/\[\]$/, '')}`);
      }
    }
    out.apis[api] = Object.fromEntries(Object.entries(actions).map(([name, flags]) => [name, [...flags]]));
  }
  return out;
}

const list = (items: string[]) => items.join(' ');

function bash(w: Words): string {
  const second = [
    ...Object.entries(w.apis).map(([api, actions]) => `    ${api}) words="${list(Object.keys(actions))}" ;;`),
    ...Object.entries(w.commands).map(([command, sub]) => `    ${command}) words="${list(sub)}" ;;`),
  ];
  const flags = Object.entries(w.apis).flatMap(([api, actions]) =>
    Object.entries(actions).map(([name, f]) => `    "${api} ${name}") words="${list(f)}" ;;`),
  );
  return `# bash completion for lc: source <(lc completion bash)
_lc() {
  local cur=\${COMP_WORDS[COMP_CWORD]} words=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    words="${list([...Object.keys(w.apis), ...Object.keys(w.commands)])} --help"
  elif [ "$COMP_CWORD" -eq 2 ]; then
    case "\${COMP_WORDS[1]}" in
${second.join('\n')}
    esac
  else
    case "\${COMP_WORDS[1]} \${COMP_WORDS[2]}" in
${flags.join('\n')}
    esac
    case "\${COMP_WORDS[1]}" in
${Object.entries(w.commands)
  .map(([command, sub]) => `    ${command}) words="$words ${list(sub)}" ;;`)
  .join('\n')}
    esac
  fi
  COMPREPLY=($(compgen -W "$words ${list(GLOBAL_FLAGS)}" -- "$cur"))
}
complete -o default -F _lc lc
`;
}

function zsh(w: Words): string {
  const second = [
    ...Object.entries(w.apis).map(([api, actions]) => `      ${api}) compadd -- ${list(Object.keys(actions))} ;;`),
    ...Object.entries(w.commands).map(([command, sub]) => `      ${command}) compadd -- ${list(sub)} ;;`),
  ];
  const flags = Object.entries(w.apis).flatMap(([api, actions]) =>
    Object.entries(actions).map(([name, f]) => `      "${api} ${name}") compadd -- ${list(f)} ;;`),
  );
  return `#compdef lc
# zsh completion for lc: lc completion zsh > "\${fpath[1]}/_lc"
_lc() {
  if (( CURRENT == 2 )); then
    compadd -- ${list([...Object.keys(w.apis), ...Object.keys(w.commands)])} --help
  elif (( CURRENT == 3 )); then
    case $words[2] in
${second.join('\n')}
    esac
  else
    case "$words[2] $words[3]" in
${flags.join('\n')}
    esac
    compadd -- ${list(GLOBAL_FLAGS)}
  fi
}
compdef _lc lc
`;
}

function fish(w: Words): string {
  const top = [...Object.keys(w.apis), ...Object.keys(w.commands)];
  const lines = [
    '# fish completion for lc: lc completion fish > ~/.config/fish/completions/lc.fish',
    'complete -c lc -f',
    `complete -c lc -n "not __fish_seen_subcommand_from ${list(top)}" -a "${list(top)}"`,
    ...GLOBAL_FLAGS.map((flag) => `complete -c lc -l ${flag.slice(2)}`),
  ];
  for (const [command, sub] of Object.entries(w.commands)) {
    const words = sub.filter((s) => !s.startsWith('--'));
    if (words.length) lines.push(`complete -c lc -n "__fish_seen_subcommand_from ${command}" -a "${list(words)}"`);
    for (const flag of sub.filter((s) => s.startsWith('--')))
      lines.push(`complete -c lc -n "__fish_seen_subcommand_from ${command}" -l ${flag.slice(2)}`);
  }
  for (const [api, actions] of Object.entries(w.apis)) {
    const names = Object.keys(actions);
    lines.push(
      `complete -c lc -n "__fish_seen_subcommand_from ${api}; and not __fish_seen_subcommand_from ${list(names)}" -a "${list(names)}"`,
    );
    for (const [name, flags] of Object.entries(actions))
      for (const flag of flags)
        lines.push(
          `complete -c lc -n "__fish_seen_subcommand_from ${api}; and __fish_seen_subcommand_from ${name}" -l ${flag.slice(2)}`,
        );
  }
  return `${lines.join('\n')}\n`;
}

/** `lc completion bash|zsh|fish`: the script, from the same action tables as the commands. */
export async function run(args: string[], flags: GlobalFlags): Promise<void> {
  if (flags.help) return writeOut(HELP);
  const shells = { bash, zsh, fish };
  const shell = args[0];
  if (!shell || !Object.hasOwn(shells, shell) || args.length > 1)
    throw new UsageError('name a shell: bash, zsh or fish', 'lc completion --help');
  writeOut(shells[shell as keyof typeof shells](await words()));
}
