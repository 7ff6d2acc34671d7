#!/usr/bin/env node
// The CLI is TypeScript run from source: tsx compiles each module as it is imported.
import { register } from 'tsx/esm/api';

// tsconfig: false keeps tsx from reading whatever tsconfig.json sits in the user's directory.
register({ tsconfig: false });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
