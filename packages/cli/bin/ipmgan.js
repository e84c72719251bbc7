#!/usr/bin/env node
// The command npm links at install time, before `prepare` has built dist/: it exists in a
// fresh clone, so `npx ipmgan` finds it once the build is done.
import '../dist/bin.js';
