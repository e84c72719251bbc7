import test from 'ava';
import { defaultObjectiveId } from './defaultObjectiveId.js';

test('the default id drops the scope and the ipmgan- prefix and folds other characters to -', (t) => {
  t.is(defaultObjectiveId('ipmgan-mean-matching'), 'mean-matching');
  t.is(defaultObjectiveId('@me/ipmgan-plugin-fisher'), 'fisher');
  t.is(defaultObjectiveId('sobolev.gan_v2'), 'sobolev-gan-v2');
  t.is(defaultObjectiveId('2-sample'), 'sample');
  t.is(defaultObjectiveId('123'), '');
});
