import { resolve } from 'node:path';
import { Container, type ResolutionContext } from 'inversify';
import type { KernelSet } from '../backend/KernelSet.js';
import { useBackend } from '../backend/useBackend.js';
import { criticFormFor } from '../config/criticFormFor.js';
import type { ResolvedConfig } from '../config/ResolvedConfig.js';
import type { Constraint } from '../contracts/Constraint.js';
import type { Critic } from '../contracts/Critic.js';
import type { DataSource } from '../contracts/DataSource.js';
import type { Generator } from '../contracts/Generator.js';
import type { Objective } from '../contracts/Objective.js';
import { Checkpointer } from '../hooks/Checkpointer.js';
import { MetricsLogger } from '../hooks/MetricsLogger.js';
import { SampleQualityEvaluator } from '../hooks/SampleQualityEvaluator.js';
import { SampleWriter } from '../hooks/SampleWriter.js';
import { TensorBoardLogger } from '../hooks/TensorBoardLogger.js';
import { IDS } from '../identifiers.js';
import { createCritic } from '../players/createCritic.js';
import { installReparametrisations } from '../players/installReparametrisations.js';
import { NetworkGenerator } from '../players/NetworkGenerator.js';
import type { ExtensionRegistry } from '../plugins/ExtensionRegistry.js';
import type { IpmPlugin } from '../plugins/IpmPlugin.js';
import { guardPluginModule } from '../plugins/pluginServices.js';
import { Rng } from '../random/Rng.js';
import { tf } from '../tensorflow.js';
import { PluginContexts } from '../trainer/PluginContexts.js';
import { Trainer } from '../trainer/Trainer.js';
import type { TrainerHook } from '../trainer/TrainerHook.js';
import { checkMemoryEstimate } from './checkMemoryEstimate.js';
import { checkRunParent } from './checkRunParent.js';
import { RunDirectory } from './RunDirectory.js';

export interface RunOptions {
  /** Relative paths in the config (data files, run.dir) resolve against this. Default: cwd. */
  readonly baseDir?: string;
  /**
   * 'new' (default) creates `<run.dir>/<name>-<timestamp>` and attaches the metrics
   * logger, checkpointer and sample writer (the sample-quality evaluator is attached whenever
   * run.evaluateEvery > 0); an existing RunDirectory reuses it (resume);
   * null writes nothing (tests, benchmarks).
   */
  readonly directory?: 'new' | RunDirectory | null;
  /** Further hooks, e.g. a progress bar or an evaluator (bound to IDS.TrainerHook). */
  readonly hooks?: readonly TrainerHook[];
}

/** What openRun hands createRun besides the options: the run starts at iteration 0 or from a checkpoint. */
interface Composition {
  /** The registry the config's ids were resolved against (or are looked up in), built once per run. */
  readonly extensions: ExtensionRegistry;
  /**
   * The run starts at iteration 0: its directory receives the config with the data source's
   * definition. A resumed run's config is already there, and must not change before its
   * checkpoint is known good.
   */
  readonly fresh: boolean;
  /** The objective resolve() created from the config's options (the run trains it); absent: created here. */
  readonly objective?: Objective;
}

export interface Run {
  readonly config: ResolvedConfig;
  /** The kernels this run trains with (recorded as `kernels` in config.resolved.json). */
  readonly kernels: KernelSet;
  readonly container: Container;
  readonly trainer: Trainer;
  readonly directory: RunDirectory | null;
  readonly checkpointer: Checkpointer | null;
  /** Frees every variable of the run. */
  dispose(): void;
}

let runCounter = 0;

/**
 * The composition root: one inversify container per run, built by openRun only. Core binds its defaults first
 * (the config, streams, data source, players, objective, constraints, run directory, hooks,
 * evaluator and trainer, each by role); then every plugin's ContainerModule loads and may
 * rebind the services docs/plugin-services.md lists (`rebind(IDS.DataSource)`,
 * `rebind(IDS.Trainer)`, `bind(IDS.TrainerHook)`, ...; guardPluginModule refuses the rest). Only then is the trainer resolved,
 * so a replacement is what every dependant receives. The ids of the resolved config are
 * looked up once, here.
 */
export async function createRun(
  config: ResolvedConfig,
  plugins: readonly IpmPlugin[],
  { extensions: registry, fresh, objective: resolvedObjective }: Composition,
  options: RunOptions = {},
): Promise<Run> {
  const kernels = await useBackend(config.backend, config.threads ?? 1, config.native ?? 'auto');
  const baseDir = options.baseDir ?? process.cwd();
  const container = new Container();

  // Fixed order of forks: the same seed gives the same init, noise and data draws.
  const root = new Rng(config.seed);
  const generatorInit = root.fork();
  const criticInit = root.fork();
  const trainRng = root.fork();
  // tfjs variable names are global to the process: keep each run's apart.
  const tag = String(++runCounter);

  container.bind<ResolvedConfig>(IDS.ResolvedConfig).toConstantValue(config);
  container.bind<Rng>(IDS.Rng).toConstantValue(trainRng);
  const pluginContexts = new PluginContexts(config.seed);
  container.bind<PluginContexts>(IDS.PluginContexts).toConstantValue(pluginContexts);
  container
    .bind<DataSource>(IDS.DataSource)
    .toDynamicValue(() => registry.get('data', config.data.name, 'data.name').create(config.data.options, { baseDir }))
    .inSingletonScope();
  container
    .bind<Generator>(IDS.Generator)
    .toDynamicValue(async (context) => {
      const data = await context.getAsync<DataSource>(IDS.DataSource);
      const network = registry.get('network', config.generator.network.name, 'generator.network.name');
      const shapes = {
        inputShape: [config.generator.noise.dimension],
        outputShape: data.shape,
        rng: generatorInit,
        name: `generator_${tag}`,
      };
      return new NetworkGenerator(config.generator.noise, network.create(config.generator.network.options, shapes));
    })
    .inSingletonScope();
  const criticConfig = config.critic;
  // The objective and the constraints declare their state, by the keys checkpoints save it
  // under, as they are created (the objective first: the checkpoint's order).
  container
    .bind<Objective>(IDS.Objective)
    .toDynamicValue(() => {
      const objective =
        resolvedObjective ??
        registry.get('objective', config.objective.name, 'objective.name').create(config.objective.options);
      // A resolved config from elsewhere (a run directory, a caller's object) meets the requirement too.
      criticFormFor(objective, { form: criticConfig?.form, constraints: criticConfig?.constraints ?? [] });
      const objectiveKey = PluginContexts.objectiveKey(objective.id);
      pluginContexts.declare(objectiveKey, objective.state);
      if (objective.auxiliary) {
        for (const [name, v] of Object.entries(objective.auxiliary.variables))
          // tf.variableGrads differentiates trainable variables only; the critic's optimizer never receives these.
          if (!v.trainable)
            throw new Error(`objective ${objective.id}: auxiliary variable "${name}" must be trainable`);
        pluginContexts.declare(`${objectiveKey}/auxiliary`, { tensors: objective.auxiliary.variables });
      }
      return objective;
    })
    .inSingletonScope();
  container
    .bind<Constraint[]>(IDS.Constraints)
    .toDynamicValue(() => {
      const constraints = (criticConfig?.constraints ?? []).map((c, i) =>
        registry.get('constraint', c.name, `critic.constraints.${String(i)}.name`).create(c.options),
      );
      constraints.forEach((c, i) => {
        pluginContexts.declare(PluginContexts.constraintKey(c.id, i), c.state);
      });
      return constraints;
    })
    .inSingletonScope();
  if (criticConfig) {
    container
      .bind<Critic>(IDS.Critic)
      .toDynamicValue(async (context) => {
        const data = await context.getAsync<DataSource>(IDS.DataSource);
        const constraints = await context.getAsync<Constraint[]>(IDS.Constraints);
        const critic = createCritic(criticConfig, data.shape, registry, criticInit, `critic_${tag}`);
        constraints.forEach((c, i) => {
          c.attach?.(critic, pluginContexts.contextFor(PluginContexts.constraintKey(c.id, i)));
        });
        installReparametrisations(critic, constraints, pluginContexts);
        return critic;
      })
      .inSingletonScope();
  }

  if (options.directory === undefined || options.directory === 'new') checkRunParent(resolve(baseDir, config.run.dir));
  if (options.directory !== null) {
    const given = options.directory;
    container
      .bind<RunDirectory>(IDS.RunDirectory)
      .toDynamicValue(() =>
        given === undefined || given === 'new'
          ? RunDirectory.create(resolve(baseDir, config.run.dir), config.name)
          : given,
      )
      .inSingletonScope();
    const withDirectory = (make: (directory: RunDirectory) => TrainerHook) => (context: ResolutionContext) =>
      make(context.get<RunDirectory>(IDS.RunDirectory));
    container.bind<TrainerHook>(IDS.TrainerHook).toDynamicValue(withDirectory((d) => new MetricsLogger(d)));
    // The trainer calls the checkpointer after every other hook (savesCheckpoints), whatever
    // the order here: a run killed between the samples of iteration N and its checkpoint
    // resumes from the previous checkpoint and writes them again (atomically, identically).
    container
      .bind<TrainerHook>(IDS.TrainerHook)
      .toDynamicValue(withDirectory((d) => new SampleWriter(d, config.run.sampleEvery, config.run.sampleCount)));
    // After the sample writer: it draws the sample file of the iteration that writer just left.
    if (config.run.tensorboard)
      container.bind<TrainerHook>(IDS.TrainerHook).toDynamicValue(withDirectory((d) => new TensorBoardLogger(d)));
    container
      .bind<TrainerHook>(IDS.TrainerHook)
      .toDynamicValue(withDirectory((d) => new Checkpointer(d, config.run.checkpointEvery)));
  }
  if (config.run.evaluateEvery > 0)
    container.bind<TrainerHook>(IDS.Evaluator).toConstantValue(new SampleQualityEvaluator());
  for (const hook of options.hooks ?? []) container.bind<TrainerHook>(IDS.TrainerHook).toConstantValue(hook);
  container.bind<Trainer>(IDS.Trainer).to(Trainer).inSingletonScope();

  for (const plugin of plugins) await container.loadAsync(guardPluginModule(plugin));

  // The objective and constraints first (their state is declared in that order), then the
  // players: a bad data file or network, or a step too big for memory, fails before the run
  // directory exists (and the size before any weight is allocated).
  await container.getAsync<Objective>(IDS.Objective);
  await container.getAsync<Constraint[]>(IDS.Constraints);
  const data = await container.getAsync<DataSource>(IDS.DataSource);
  checkMemoryEstimate(config, data.shape, registry);
  await container.getAsync<Generator>(IDS.Generator);
  if (container.isBound(IDS.Critic)) await container.getAsync<Critic>(IDS.Critic);
  const trainer = await container.getAsync<Trainer>(IDS.Trainer);
  const directory = container.isBound(IDS.RunDirectory)
    ? await container.getAsync<RunDirectory>(IDS.RunDirectory)
    : null;
  // The data source's exact definition is recorded beside its options (informational).
  if (directory && fresh)
    directory.writeConfig({
      ...config,
      kernels,
      data: { ...config.data, definition: trainer.data.definition },
    } as ResolvedConfig);
  const checkpointer = trainer.hooks.find((h): h is Checkpointer => h instanceof Checkpointer) ?? null;

  return {
    config,
    kernels,
    container,
    trainer,
    directory,
    checkpointer,
    dispose() {
      const variables = [
        ...trainer.generator.trainableVariables,
        ...trainer.generator.network.stateVariables,
        ...(trainer.critic?.networks.flatMap((n) => [...n.trainableVariables, ...n.stateVariables]) ?? []),
      ];
      tf.dispose(variables);
      trainer.state.criticOptimizer?.dispose();
      trainer.state.generatorOptimizer.dispose();
      trainer.plugins.dispose();
      // The run's writer lock, if this run took it (a new run, or a resume that began writing).
      directory?.close();
    },
  };
}
