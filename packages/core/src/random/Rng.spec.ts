import test from 'ava';
import { Rng } from './Rng.js';

test('the same seed gives the same stream, another seed another', (t) => {
  const a = new Rng(42);
  const b = new Rng(42);
  const c = new Rng(43);
  const xs = Array.from({ length: 100 }, () => a.nextUint32());
  t.deepEqual(
    xs,
    Array.from({ length: 100 }, () => b.nextUint32()),
  );
  t.notDeepEqual(
    xs,
    Array.from({ length: 100 }, () => c.nextUint32()),
  );
});

test('a saved state continues the stream exactly', (t) => {
  const a = new Rng(7);
  for (let i = 0; i < 10; i++) a.normal();
  const copy = Rng.fromState(a.getState());
  t.deepEqual(
    Array.from({ length: 50 }, () => a.uniform()),
    Array.from({ length: 50 }, () => copy.uniform()),
  );
});

test('the state is four unsigned words after any draws, and reads back as written', (t) => {
  const a = new Rng(7);
  const states = Array.from({ length: 200 }, () => {
    a.nextUint32();
    return a.getState();
  });
  // sfc32's a = b ^ (b >>> 9) is a signed int32 for half of all b: the saved word must not be.
  t.true(states.every((state) => state.every((w) => Number.isInteger(w) && w >= 0 && w < 2 ** 32)));
  const last = states[states.length - 1] ?? [0, 0, 0, 0];
  t.deepEqual(Rng.fromState(last).getState(), last);
  // Seed 7's first draws as the signed-word version made them: keeping the words unsigned changed no draw.
  const b = new Rng(7);
  t.deepEqual(
    Array.from({ length: 6 }, () => b.nextUint32()),
    [838155491, 1550620431, 3610122010, 3621410451, 1671033217, 2289101469],
  );
});

test('uniform has mean 1/2 and variance 1/12; normal has mean 0 and variance 1', (t) => {
  const rng = new Rng(1);
  const n = 200_000;
  let su = 0;
  let su2 = 0;
  let sn = 0;
  let sn2 = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    const z = rng.normal();
    su += u;
    su2 += u * u;
    sn += z;
    sn2 += z * z;
  }
  const mu = su / n;
  const mz = sn / n;
  // Standard errors: sqrt(1/12/n) = 6.5e-4 and sqrt(1/n) = 2.2e-3; tolerances are ~5 of them.
  t.true(Math.abs(mu - 0.5) < 3e-3);
  t.true(Math.abs(su2 / n - mu * mu - 1 / 12) < 2e-3);
  t.true(Math.abs(mz) < 1e-2);
  t.true(Math.abs(sn2 / n - mz * mz - 1) < 1.5e-2);
});

test('seeds for tfjs ops are never 0, which tfjs reads as "unseeded"', (t) => {
  const rng = new Rng(9);
  for (let i = 0; i < 10_000; i++) t.not(rng.seed(), 0);
});
