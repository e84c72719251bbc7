import { discoverPlugins, importPlugin, type ObjectiveDefaults, type ObjectiveExtension } from '@ipmgan/core';
import { describeConstraints } from '../format/describeConstraints.js';
import { describeOptimizer } from '../format/describeOptimizer.js';
import { describeSchedule } from '../format/describeSchedule.js';
import { formatTable } from '../format/formatTable.js';

export interface PluginsOptions {
  readonly json?: boolean;
}

interface InstalledObjective {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly package: string;
  readonly version: string;
  readonly description: string;
  readonly estimate: string;
  readonly defaults: ObjectiveDefaults;
}

/**
 * `ipmgan plugins`: the objective plugins installed where the command runs (found like
 * `train` finds them) with their ids and the defaults a config inherits from them.
 */
export async function plugins(options: PluginsOptions, cwd: string): Promise<void> {
  const installed: InstalledObjective[] = [];
  for (const found of discoverPlugins(cwd)) {
    const plugin = await importPlugin(found.name, cwd, `plugin ${found.name}`);
    for (const extension of plugin.extensions) {
      if (extension.kind !== 'objective') continue;
      const objective: ObjectiveExtension = extension;
      installed.push({
        id: objective.id,
        aliases: objective.aliases ?? [],
        package: plugin.name,
        version: plugin.version,
        description: objective.description,
        estimate: objective.estimate.name,
        defaults: objective.defaults,
      });
    }
  }
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify(installed, null, 2)}\n`);
    return;
  }
  if (installed.length === 0) {
    process.stdout.write('no objective plugins installed (npm install @ipmgan/critic-wgan)\n');
    return;
  }
  const rows = installed.map((o) => [
    o.id,
    o.aliases.join(', '),
    `${o.package}@${o.version}`,
    o.estimate,
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
  for (const o of installed) process.stdout.write(`${o.id}: ${o.description}\n`);
}
