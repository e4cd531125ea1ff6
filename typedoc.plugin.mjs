// TypeDoc plugin for `pnpm run docs` (see typedoc.json): names each entry module after the package it
// documents (`@lc/agent`, `@lc/core/node`) instead of its path (`agent/src`, `core/src/node`).
// All packages are converted as one program, with `@lc/core` mapped to its source, so that types of
// @lc/core used by the other packages link to their pages.
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (_context, reflection) => {
    if (reflection.kind !== ReflectionKind.Module) return;
    const match = /^([\w-]+)\/src(\/node)?$/.exec(reflection.name);
    if (match) reflection.name = `@lc/${match[1]}${match[2] ?? ''}`;
  });
}
