import type { NativeModule } from './NativeModule.js';

/** The package, named through a variable: core builds and runs where it is not installed. */
const NATIVE_PACKAGE: string = '@ipmgan/native';

let imported: Promise<NativeModule | { readonly reason: string }> | undefined;

function isNativeModule(value: unknown): value is NativeModule {
  if (typeof value !== 'object' || value === null) return false;
  const members = value as Partial<Record<keyof NativeModule, unknown>>;
  return (
    typeof members.loadNative === 'function' &&
    typeof members.registerNativeKernels === 'function' &&
    typeof members.unregisterNativeKernels === 'function'
  );
}

/**
 * @ipmgan/native's JavaScript side, imported once per process, or why it cannot be (one line).
 * Importing loads no addon: loadNative / registerNativeKernels do.
 */
export function importNative(): Promise<NativeModule | { readonly reason: string }> {
  imported ??= import(NATIVE_PACKAGE).then(
    (module: unknown) =>
      isNativeModule(module)
        ? module
        : { reason: `${NATIVE_PACKAGE} lacks loadNative / registerNativeKernels / unregisterNativeKernels` },
    (error: unknown) => {
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(`'${NATIVE_PACKAGE}'`))
        return { reason: `${NATIVE_PACKAGE} is not installed` };
      const message = error instanceof Error ? error.message : String(error);
      return { reason: `${NATIVE_PACKAGE} failed to import: ${message.split('\n')[0] ?? message}` };
    },
  );
  return imported;
}
