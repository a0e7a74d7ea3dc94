#!/usr/bin/env node
// The `qunyun` command. The server runs its TypeScript sources through tsx, so there is no separate build step
// for it and a stack trace points at the file you edit.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
