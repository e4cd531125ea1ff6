import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds the binary from the current sources into dist-test/ before the tests run it: not dist/,
 * which `turbo run build` may be rewriting at the same moment.
 */
export default function setup(): void {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('pnpm', ['exec', 'tsup', '--silent', '--out-dir', 'dist-test'], { cwd, stdio: 'inherit' });
}
