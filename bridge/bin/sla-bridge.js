#!/usr/bin/env node
// The compiled CLI lives in build/ (written by `npm ci` / `npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../../build/bridge/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'sla-bridge: the compiled bridge is missing (build/). Run `npm ci` or `npm run build` first.\n',
  );
  process.exit(70);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv);
