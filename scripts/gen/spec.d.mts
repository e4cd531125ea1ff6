// Types of scripts/gen/spec.mjs for the TypeScript tests that import it (through test-utils/).

/** One entry of spec/methods.json (the fields the tests read). */
export interface SpecMethod {
  api: string;
  method: string;
  transports: string[];
  version: string;
  change?: string;
  required: string[];
  batch_of?: string;
  title?: string;
  http?: { method: string; url: string; path?: string };
  params?: Array<{ name: string; required: string; type: string }>;
}

export const root: string;
export const spec: SpecMethod[];
export const STABLE: string;
export const APIS: string[];
export function camel(s: string): string;
export function pascal(s: string): string;
export function methodsOf(api: string, version?: string, transport?: 'web' | 'rtm'): SpecMethod[];
export function versionsOf(api: string): string[];
export function docsUrl(m: SpecMethod): string | undefined;
