#!/usr/bin/env node
// The `lc` binary.
import { main } from './main.js';
import { writeErr } from './output.js';

// `lc … | head -1`: the reader went away; stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Exits once stdout is flushed: an idle keep-alive socket must not hold the process open.
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  writeErr(`lc: ${error instanceof Error ? error.message : String(error)}\n`);
  exit(1);
});
