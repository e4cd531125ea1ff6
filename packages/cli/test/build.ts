import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds dist/cli.js from the current sources before the tests run it. */
export default function setup(): void {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('pnpm', ['exec', 'tsup', '--silent'], { cwd, stdio: 'inherit' });
}
