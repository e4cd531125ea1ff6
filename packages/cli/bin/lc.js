#!/usr/bin/env node
// Stable bin path that exists before the first build (pnpm links bins at install time).
import '../dist/cli.js';
