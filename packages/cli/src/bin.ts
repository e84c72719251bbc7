#!/usr/bin/env node
// `ipmgan --version` answers before the commands (and TensorFlow.js with them) are loaded.
import { CLI_VERSION } from './CLI_VERSION.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) process.stdout.write(`${CLI_VERSION}\n`);
else await import('./main.js');
