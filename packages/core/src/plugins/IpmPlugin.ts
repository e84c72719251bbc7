import type { ContainerModule } from 'inversify';
import type { Extension } from '../contracts/Extension.js';

/**
 * What a plugin package exports as `ipmganPlugin`: its extensions, and the
 * ContainerModule that binds them (and anything else it adds) into a run's container.
 */
export interface IpmPlugin {
  /** The npm package name, e.g. "@ipmgan/critic-wgan". */
  readonly name: string;
  readonly version: string;
  readonly extensions: readonly Extension[];
  readonly module: ContainerModule;
}
