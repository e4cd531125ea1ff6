#!/usr/bin/env node
// The `lc` binary.
import { main } from './main.js';
import { writeErr } from './output.js';

// Exits once stdout is flushed: an idle keep-alive socket must not hold the process open.
const exit = (code: number) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  writeErr(`lc: ${error instanceof Error ? error.message : String(error)}\n`);
  exit(1);
});
