import test from 'ava';
import { packageNameProblem } from './packageNameProblem.js';

test('npm package names: plain and scoped lower-case names pass', (t) => {
  for (const name of ['ipmgan-mean-matching', '@me/ipmgan-mmd', 'a.b_c~d', '3gan'])
    t.is(packageNameProblem(name), null, name);
});

test('npm package names: upper case, spaces, leading dot or underscore, bad scopes and long names fail', (t) => {
  for (const name of ['', 'Mean', 'mean gap', '.hidden', '_private', '@me', '@me/', '@/x', 'a/b', 'x'.repeat(215)])
    t.not(packageNameProblem(name), null, name);
});
