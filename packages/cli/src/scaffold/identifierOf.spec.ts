import test from 'ava';
import { identifierOf } from './identifierOf.js';

test('an id becomes a camelCase identifier, reserved words get a suffix', (t) => {
  t.is(identifierOf('mean-matching'), 'meanMatching');
  t.is(identifierOf('fisher'), 'fisher');
  t.is(identifierOf('mmd-2-sample'), 'mmd2Sample');
  t.is(identifierOf('new'), 'newObjective');
});
