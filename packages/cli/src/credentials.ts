import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MissingCredentialsError } from './errors.js';

/** What `lc login` stores. */
export interface StoredCredentials {
  account_id: string;
  pat: string;
  organization_id?: string;
}

/** `$XDG_CONFIG_HOME/lc`, else `~/.config/lc`. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'lc');
}

export const credentialsPath = (env: NodeJS.ProcessEnv = process.env): string =>
  join(configDir(env), 'credentials.json');

export async function readStored(env: NodeJS.ProcessEnv = process.env): Promise<StoredCredentials | undefined> {
  let text: string;
  try {
    text = await readFile(credentialsPath(env), 'utf8');
  } catch {
    return undefined;
  }
  let value: Partial<StoredCredentials> | null;
  try {
    value = JSON.parse(text) as Partial<StoredCredentials> | null;
  } catch {
    value = null;
  }
  if (typeof value?.account_id !== 'string' || typeof value.pat !== 'string')
    throw new MissingCredentialsError(`${credentialsPath(env)} is damaged: run \`lc login\` again`, {
      field: 'getter',
    });
  return value as StoredCredentials;
}

/**
 * Writes the file readable by its owner only (0600, in a 0700 directory); through a temporary file
 * created with that mode, so the PAT is never on disk with wider permissions, even for a moment.
 */
export async function writeStored(
  credentials: StoredCredentials,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const dir = configDir(env);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const file = credentialsPath(env);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, file);
  return file;
}

/** Removes the stored credentials; `false` when there were none. */
export async function removeStored(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const file = credentialsPath(env);
  try {
    await readFile(file);
  } catch {
    return false;
  }
  await rm(file, { force: true });
  return true;
}
