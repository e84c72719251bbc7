import {
  ConfigError,
  type IpmPlugin,
  type Objective,
  type ObjectiveDefaults,
  type ObjectiveExtension,
  type ObjectiveRequirements,
} from '@ipmgan/core';
import { corePlugin, discoverPlugins, importPlugin, probeNative } from '@ipmgan/core/engine';
import { describeConstraints } from '../format/describeConstraints.js';
import { describeNative } from '../format/describeNative.js';
import { describeRequirements } from '../format/describeRequirements.js';
import { describeOptimizer } from '../format/describeOptimizer.js';
import { describeSchedule } from '../format/describeSchedule.js';
import { formatTable } from '../format/formatTable.js';

export interface PluginsOptions {
  readonly json?: boolean;
}

interface InstalledExtension {
  readonly kind: string;
  readonly id: string;
  readonly aliases: readonly string[];
  readonly package: string;
  readonly version: string;
  readonly description: string;
}

interface InstalledObjective extends InstalledExtension {
  readonly kind: 'objective';
  readonly estimate: string;
  readonly defaults: ObjectiveDefaults;
  /** What the objective needs with its default options (null: its options have no defaults to create it with). */
  readonly requires: ObjectiveRequirements | null;
}

const KIND_ORDER = ['objective', 'constraint', 'data', 'network'];

/** Core and every plugin package installed where the command runs (found like `train` finds them); one that fails to import is reported on stderr and skipped. */
async function installedPlugins(cwd: string): Promise<IpmPlugin[]> {
  const plugins: IpmPlugin[] = [corePlugin];
  for (const found of discoverPlugins(cwd)) {
    try {
      plugins.push(await importPlugin(found.name, cwd, `plugin ${found.name}`));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`ipmgan: ${error.message} (skipped)\n`);
    }
  }
  return plugins;
}

/**
 * An objective's requirements with its default options; null when they cannot be read: `{}` is
 * not valid options, create() fails with them (train reports that, naming the package), or the
 * plugin predates requirements. A listing never fails on one plugin.
 */
function requirementsOf(objective: ObjectiveExtension): ObjectiveRequirements | null {
  const options = objective.optionsSchema.safeParse({});
  if (!options.success) return null;
  try {
    const { requires } = objective.create(options.data) as Partial<Objective>;
    return requires ?? null;
  } catch {
    return null;
  }
}

/**
 * `ipmgan plugins`: every extension installed where the command runs, of every kind
 * (objective, constraint, data source, network, ...), with its package and version, the
 * defaults a config inherits from each objective and what each requires (the critic core
 * builds for it, the constraints it refuses) with its default options.
 */
export async function plugins(options: PluginsOptions, cwd: string): Promise<void> {
  // First: a bad IPMGAN_NATIVE is one line before anything is printed.
  const native = await probeNative();
  const extensions: (InstalledObjective | InstalledExtension)[] = [];
  for (const plugin of await installedPlugins(cwd)) {
    for (const extension of plugin.extensions) {
      const common = {
        id: extension.id,
        aliases: extension.aliases ?? [],
        package: plugin.name,
        version: plugin.version,
        description: extension.description,
      };
      if (extension.kind === 'objective') {
        const objective: ObjectiveExtension = extension;
        extensions.push({
          kind: 'objective',
          ...common,
          estimate: objective.estimate.name,
          defaults: objective.defaults,
          requires: requirementsOf(objective),
        });
      } else {
        extensions.push({ kind: extension.kind, ...common });
      }
    }
  }
  const rank = (kind: string): number => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
  extensions.sort((a, b) => rank(a.kind) - rank(b.kind));
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify(extensions, null, 2)}\n`);
    return;
  }
  const installed = extensions.filter((e): e is InstalledObjective => e.kind === 'objective');
  if (installed.length === 0) {
    process.stdout.write('no objective plugins installed (npm install @ipmgan/critic-wgan)\n');
  } else {
    const rows = installed.map((o) => [
      o.id,
      o.aliases.join(', '),
      `${o.package}@${o.version}`,
      o.estimate,
      o.requires ? describeRequirements(o.requires).critic : 'unknown',
      String(o.defaults.batchSize),
      describeSchedule(o.defaults.schedule),
      o.defaults.schedule.type === 'constant' && o.defaults.schedule.nCritic === 0
        ? '- (no critic)'
        : describeOptimizer(o.defaults.optimizers.critic),
      describeOptimizer(o.defaults.optimizers.generator),
      describeConstraints(o.defaults.constraints),
    ]);
    process.stdout.write(
      formatTable(
        [
          'id',
          'aliases',
          'package',
          'estimate',
          'critic',
          'batch',
          'n_critic',
          'critic optimizer',
          'generator optimizer',
          'constraints',
        ],
        rows,
      ),
    );
    process.stdout.write('\n');
    for (const o of installed) {
      const refuses = o.requires ? describeRequirements(o.requires).refuses : [];
      process.stdout.write(`${[`${o.id}: ${o.description}`, ...refuses].join(' ')}\n`);
    }
  }
  const others = extensions.filter((e) => e.kind !== 'objective');
  process.stdout.write('\n');
  process.stdout.write(
    formatTable(
      ['kind', 'id', 'aliases', 'package', 'description'],
      others.map((e) => [
        e.kind === 'data' ? 'data source' : e.kind,
        e.id,
        e.aliases.join(', '),
        `${e.package}@${e.version}`,
        e.description.split('. ')[0] ?? e.description,
      ]),
    ),
  );
  process.stdout.write(`\n${describeNative(native)}\n`);
}
