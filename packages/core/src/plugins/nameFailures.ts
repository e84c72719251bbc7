import { ConfigError } from '../config/ConfigError.js';
import { PluginError } from './PluginError.js';

type Method = (...args: unknown[]) => unknown;

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/** `error` as thrown by `where` of package `name`: config errors keep their field, the rest name the package. */
function named(error: unknown, name: string, where: string): Error {
  if (error instanceof ConfigError || error instanceof PluginError) return error;
  return new PluginError(`${name}: ${where} failed: ${firstLine(error)}`, { cause: error });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * `target` seen through a proxy whose methods rethrow what they throw (or reject with)
 * as a PluginError naming package `name`; `after` may map a method's result (create's
 * product gets the same treatment). Methods run with `this` the target itself, so that
 * class instances with private fields keep working.
 */
export function nameFailures<T extends object>(
  target: T,
  name: string,
  what: string,
  after: (method: string, result: unknown) => unknown = (_, result) => result,
): T {
  const wrappers = new Map<PropertyKey, Method>();
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      // A proxy must report a frozen property as it is.
      const own = Object.getOwnPropertyDescriptor(object, key);
      if (own && !own.configurable && own.writable !== true) return value;
      const cached = wrappers.get(key);
      if (cached) return cached;
      const method = value as Method;
      const where = `${what} ${key}()`;
      const wrapper: Method = (...args) => {
        let result: unknown;
        try {
          result = method.apply(object, args);
        } catch (error) {
          throw named(error, name, where);
        }
        if (isThenable(result))
          return Promise.resolve(result).then(
            (value) => after(key, value),
            (error: unknown) => {
              throw named(error, name, where);
            },
          );
        return after(key, result);
      };
      wrappers.set(key, wrapper);
      return wrapper;
    },
  });
}
