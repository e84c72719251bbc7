import test from 'ava';
import { checkConfigShape, CONFIG_LIMITS } from './checkConfigShape.js';
import { ConfigError } from './ConfigError.js';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

test('an ordinary config passes', (t) => {
  t.notThrows(() => {
    checkConfigShape({ seed: 1, objective: { name: 'wgan' }, critic: { constraints: [{ name: 'x' }] } }, 'c.yaml');
  });
});

test('__proto__, prototype and constructor keys are refused with the path that holds them', (t) => {
  // JSON.parse makes __proto__ an own key, as a YAML or JSON config file does.
  t.throws(
    () => {
      checkConfigShape(JSON.parse('{"training": {"__proto__": {"x": 1}}}'), 'c.json');
    },
    {
      instanceOf: ConfigError,
      message: 'c.json: training.__proto__: "__proto__" is not allowed as a field name',
    },
  );
  t.throws(
    () => {
      checkConfigShape({ data: [{ constructor: 1 }] }, 'c.yaml');
    },
    {
      message: 'c.yaml: data.0.constructor: "constructor" is not allowed as a field name',
    },
  );
  t.throws(
    () => {
      checkConfigShape({ prototype: 1 }, '--set');
    },
    {
      message: '--set: prototype: "prototype" is not allowed as a field name',
    },
  );
});

test('nesting is bounded: 64 levels pass, 65 are one line', (t) => {
  t.notThrows(() => {
    checkConfigShape(nested(CONFIG_LIMITS.depth - 1), 'x');
  });
  t.throws(
    () => {
      checkConfigShape({ a: nested(5000) }, '--set a');
    },
    {
      message: '--set a: nested more than 64 levels deep',
    },
  );
});

test('a YAML alias bomb is refused after at most the value bound, without expanding it', (t) => {
  // What a YAML parser builds for `a0: &a0 [1,...]`, `a1: &a1 [*a0, ... x10]`, ...: each alias
  // the same object, 10^9 leaves once walked as a tree (the CLI suite parses a real file).
  let level: unknown = Array<number>(10).fill(1);
  for (let i = 1; i <= 9; i++) level = Array<unknown>(10).fill(level);
  t.throws(
    () => {
      checkConfigShape({ sweep: level }, 'bomb.yaml');
    },
    {
      instanceOf: ConfigError,
      message:
        'bomb.yaml: more than 100000 values once YAML aliases are expanded; a config is far smaller (an alias bomb?)',
    },
  );
  // The bound itself: 99,999 values beside the root pass.
  t.notThrows(() => {
    checkConfigShape(Array<number>(CONFIG_LIMITS.values - 1).fill(0), 'x');
  });
  t.throws(() => {
    checkConfigShape(Array<number>(CONFIG_LIMITS.values).fill(0), 'x');
  });
});
