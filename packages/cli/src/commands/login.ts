import { createInterface } from 'node:readline';
import { connectionFrom, patGetter } from '../connection.js';
import { credentialsPath, removeStored, type StoredCredentials, writeStored } from '../credentials.js';
import { parseCommand } from '../args.js';
import { UsageError } from '../errors.js';
import type { GlobalFlags } from '../globals.js';
import { writeErr, writeOut } from '../output.js';

const HELP = `Usage: lc login [--account-id <id>] [--no-verify]
       lc logout

Stores a Personal Access Token for \`lc\` in $XDG_CONFIG_HOME/lc/credentials.json (or
~/.config/lc/), readable by you only (0600). The PAT is read from stdin (or asked for without echo
on a terminal), never from the command line, where other users could see it. The account id comes
from --account-id, LC_ACCOUNT_ID or a prompt. Unless --no-verify, the PAT is checked first (its
organization is looked up at the accounts service, or at --api-url / LC_ACCOUNTS_URL).
`;

/** Piped stdin, read once and handed out a line at a time. */
let piped: string[] | undefined;

/** The next line of piped stdin, or a line typed at the terminal after `question`. */
async function ask(question: string, hidden: boolean): Promise<string> {
  if (process.stdin.isTTY && hidden) return askHidden(question);
  if (process.stdin.isTTY) {
    process.stderr.write(question);
    const lines = createInterface({ input: process.stdin, terminal: false });
    try {
      for await (const line of lines) return line.trim();
      return '';
    } finally {
      lines.close();
    }
  }
  if (!piped) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    piped = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  }
  return (piped.shift() ?? '').trim();
}

/** Reads a line at the terminal in raw mode, echoing nothing (a PAT must not stay on screen). */
function askHidden(question: string): Promise<string> {
  process.stderr.write(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      error ? reject(error) : resolve(typed.trim());
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new UsageError('login cancelled'));
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}

/** `lc login`: checks the PAT (unless --no-verify) and stores it with its organization id. */
export async function run(args: string[], flags: GlobalFlags): Promise<void> {
  const { values } = parseCommand(
    {
      args,
      options: { 'account-id': { type: 'string' }, 'no-verify': { type: 'boolean' } },
    },
    'lc login --help',
  );
  if (flags.help) return writeOut(HELP);
  const accountId = values['account-id'] ?? process.env.LC_ACCOUNT_ID ?? (await ask('Account id: ', false));
  const pat = await ask('Personal Access Token: ', true);
  if (!accountId) throw new UsageError('an account id is needed', 'lc login --help');
  if (!pat) throw new UsageError('no Personal Access Token on stdin', 'lc login --help');
  const credentials: StoredCredentials = { account_id: accountId, pat };
  if (!values['no-verify']) {
    const getToken = await patGetter(accountId, pat, { accountsUrl: connectionFrom(flags).accountsUrl });
    credentials.organization_id = (await getToken()).organizationID;
  }
  const file = await writeStored(credentials);
  const organization = credentials.organization_id ? ` (organization ${credentials.organization_id})` : '';
  writeErr(`lc: logged in as account ${accountId}${organization}; saved to ${file}\n`);
}

/** `lc logout`: removes the stored PAT. */
export async function runLogout(_args: string[], flags: GlobalFlags): Promise<void> {
  if (flags.help) return writeOut(HELP);
  const removed = await removeStored();
  writeErr(removed ? `lc: removed ${credentialsPath()}\n` : 'lc: no stored credentials\n');
}
