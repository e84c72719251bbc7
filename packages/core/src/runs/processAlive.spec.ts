import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import test from 'ava';
import { processAlive } from './processAlive.js';

const state = (pid: number): string => {
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
};

test('this process is alive; a pid above pid_max is not', (t) => {
  t.true(processAlive(process.pid));
  // 2^22 + 1 is above Linux's largest pid_max.
  t.false(processAlive(4194305));
});

test('a killed child not yet reaped (a zombie) counts as gone, though kill(pid, 0) still reaches it', async (t) => {
  const child = spawn('sleep', ['30']);
  await once(child, 'spawn');
  const pid = child.pid ?? 0;
  t.true(processAlive(pid));
  child.kill('SIGKILL');
  // Synchronously, so that the event loop cannot reap the child in between.
  const until = Date.now() + 5000;
  while (state(pid) !== 'Z' && Date.now() < until);
  t.is(state(pid), 'Z');
  t.notThrows(() => process.kill(pid, 0));
  t.false(processAlive(pid));
  await once(child, 'exit');
});
