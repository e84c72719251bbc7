// inversify reads constructor metadata through the Reflect API.
import 'reflect-metadata';

export { tf } from './tensorflow.js';
export { IDS } from './identifiers.js';
export { Rng, type RngState } from './random/Rng.js';

export type { Network } from './contracts/Network.js';
export type { NoisePrior } from './contracts/NoisePrior.js';
export type { Generator } from './contracts/Generator.js';
export type { Critic, CriticOutput } from './contracts/Critic.js';
export type { EstimateInfo } from './contracts/Estimate.js';
export type { Objective, ObjectiveInputs, ObjectiveAuxiliary } from './contracts/Objective.js';
export type { Constraint, PenaltyInputs } from './contracts/Constraint.js';
export type { PluginContext } from './contracts/PluginContext.js';
export type { PluginState, JsonValue } from './contracts/PluginState.js';
export type { WeightLayer, KernelTransform } from './contracts/WeightLayer.js';
export type { DataSource, MixtureModes } from './contracts/DataSource.js';
export type { ObjectiveDefaults, ConstraintRef } from './contracts/ObjectiveDefaults.js';
export type {
  Extension,
  ExtensionKind,
  DataSourceExtension,
  DataSourceContext,
  NetworkExtension,
  NetworkShapes,
  NetworkSize,
  ConstraintExtension,
  ObjectiveExtension,
} from './contracts/Extension.js';

export {
  OptimizerConfigSchema,
  type OptimizerConfig,
  type OptimizerConfigInput,
} from './optimizers/OptimizerConfig.js';
export { createOptimizer } from './optimizers/createOptimizer.js';
export { ScheduleConfigSchema, type ScheduleConfig, type ScheduleConfigInput } from './trainer/ScheduleConfig.js';
export { criticIterations } from './trainer/criticIterations.js';
export { Trainer, type FitOptions } from './trainer/Trainer.js';
export { criticStep } from './trainer/criticStep.js';
export { generatorStep } from './trainer/generatorStep.js';
export { objectiveInputs } from './trainer/objectiveInputs.js';
export type { StepPlayers, BatchSource, CriticBatch, GeneratorBatch } from './trainer/StepPlayers.js';
export { PluginContexts } from './trainer/PluginContexts.js';
export type { TrainerHook, TrainOutcome } from './trainer/TrainerHook.js';
export type { TrainerContext } from './trainer/TrainerContext.js';
export type { TrainerState } from './trainer/TrainerState.js';
export type { StepResult } from './trainer/StepResult.js';
export { DivergenceError } from './trainer/DivergenceError.js';

export { weightClipping } from './constraints/weightClipping.js';
export { builtinConstraints } from './constraints/builtinConstraints.js';
export { builtinDataSources } from './data/builtinDataSources.js';
export { mnistDigits } from './data/mnist.js';
export { parseNpy } from './data/parseNpy.js';
export { builtinNetworks } from './networks/builtinNetworks.js';
export { NetworkGenerator } from './players/NetworkGenerator.js';
export { ScoreCritic } from './players/ScoreCritic.js';
export { AutoencoderCritic } from './players/AutoencoderCritic.js';

export { ConfigSchema, ExtensionRefSchema, type Config, type ParsedConfig } from './config/ConfigSchema.js';
export type { ResolvedConfig, ResolvedRef } from './config/ResolvedConfig.js';
export { ConfigError } from './config/ConfigError.js';
export { SweepSchema, type Sweep } from './config/SweepSchema.js';
export type { SweepSetting } from './config/SweepSetting.js';
export { expandSweep } from './config/expandSweep.js';
export { sweepLabel } from './config/sweepLabel.js';
export { setConfigPath } from './config/setConfigPath.js';
export { parseOrThrow } from './config/parseOrThrow.js';
export { formatIssue } from './config/formatIssue.js';
export { resolveConfig } from './config/resolveConfig.js';
export { loadConfigFile, CONFIG_SEARCH_PLACES, type LoadedConfigFile } from './config/loadConfigFile.js';
export { openConfig, type OpenedConfig } from './config/openConfig.js';

export type { IpmPlugin } from './plugins/IpmPlugin.js';
export { definePlugin, type PluginDefinition } from './plugins/definePlugin.js';
export { ExtensionRegistry } from './plugins/ExtensionRegistry.js';
export { corePlugin } from './plugins/corePlugin.js';
export { discoverPlugins, type DiscoveredPlugin } from './plugins/discoverPlugins.js';
export type { PluginManifest } from './plugins/PluginManifest.js';
export { importPackage, importPlugin } from './plugins/importPlugin.js';
export { loadPlugins, type PluginRequest } from './plugins/loadPlugins.js';
export { officialProvider } from './plugins/officialPlugins.js';

export { useBackend } from './backend/useBackend.js';
export { KernelSetSchema, type KernelSet } from './backend/KernelSet.js';
export { describeKernels } from './backend/describeKernels.js';
export { probeNative } from './backend/probeNative.js';
export type { NativeStatus } from './backend/NativeStatus.js';
export { resolveThreads } from './backend/resolveThreads.js';
export { registerWasmFixes } from './backend/registerWasmFixes.js';

export { RunDirectory } from './runs/RunDirectory.js';
export { CompareDirectory, type CompareRecord, type CompareRunStatus } from './runs/CompareDirectory.js';
export { checkMemoryEstimate } from './runs/checkMemoryEstimate.js';
export type { RunAmendment, ConfigChange } from './runs/RunAmendment.js';
export type { MetricsRecord } from './runs/MetricsRecord.js';
export { createRun, type Run, type RunOptions } from './runs/createRun.js';
export { resumeRun, type ResumeOptions } from './runs/resumeRun.js';
export { saveCheckpoint, loadCheckpoint, latestCheckpoint, checkpointName } from './runs/checkpoint.js';
export { writeSamples } from './runs/writeSamples.js';
export { encodeNpy } from './runs/encodeNpy.js';
export { writeFileAtomic } from './runs/writeFileAtomic.js';
export { MetricsLogger } from './hooks/MetricsLogger.js';
export { Checkpointer } from './hooks/Checkpointer.js';
export { SampleWriter } from './hooks/SampleWriter.js';

export { spearman } from './metrics/spearman.js';
export type { Points } from './metrics/Points.js';
export { pointsFromTensor } from './metrics/pointsFromTensor.js';
export { pointsFromRows } from './metrics/pointsFromRows.js';
export { exactW1 } from './metrics/exactW1.js';
export { readSamples } from './metrics/readSamples.js';
export { slicedW1 } from './metrics/slicedW1.js';
export { mmd2 } from './metrics/mmd2.js';
export { medianBandwidth } from './metrics/medianBandwidth.js';
export { modeMetrics, type ModeMetrics } from './metrics/modeMetrics.js';
export { evaluateSamples, type EvaluateSamplesOptions } from './metrics/evaluateSamples.js';
export { lipschitzEstimate } from './metrics/lipschitzEstimate.js';
export { SampleQualityEvaluator } from './hooks/SampleQualityEvaluator.js';
