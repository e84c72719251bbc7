// @ipmgan/core: the contract a plugin author needs (the roles, the extension shapes,
// definePlugin, the DI identifiers and the hook interface), and nothing else. It has no
// side effects: the engine (@ipmgan/core/engine) loads the TensorFlow.js backends and
// reflect-metadata; the conformance kits are @ipmgan/core/testing.

// The same module instance the engine loads its backends into (tensorflow.ts).
export * as tf from '@tensorflow/tfjs-core';
export { IDS } from './identifiers.js';
export { Rng } from './random/Rng.js';
export { ConfigError } from './config/ConfigError.js';
// The median heuristic's middle, for objectives with a kernel bandwidth (@ipmgan/mmd).
export { medianDistance } from './metrics/medianDistance.js';

export type { Network } from './contracts/Network.js';
export type { PortableLayer, PortableWeights } from './contracts/PortableLayer.js';
export type { NoisePrior } from './contracts/NoisePrior.js';
export type { Generator } from './contracts/Generator.js';
export type { Critic, CriticOutput } from './contracts/Critic.js';
export { scoreOf } from './contracts/scoreOf.js';
export { featuresOf } from './contracts/featuresOf.js';
export { inputGradient } from './players/inputGradient.js';
export type { ObjectiveRequirements, CriticRequirement } from './contracts/ObjectiveRequirements.js';
export type { EstimateInfo } from './contracts/Estimate.js';
export type { Objective, ObjectiveInputs, ObjectiveAuxiliary } from './contracts/Objective.js';
export type { Constraint, PenaltyInputs } from './contracts/Constraint.js';
export type { PluginContext } from './contracts/PluginContext.js';
export type { PluginState } from './contracts/PluginState.js';
export type { WeightLayer, KernelTransform } from './contracts/WeightLayer.js';
export type { DataSource, MixtureModes } from './contracts/DataSource.js';
export type { ObjectiveDefaults } from './contracts/ObjectiveDefaults.js';
export type {
  Extension,
  DataSourceExtension,
  NetworkExtension,
  NetworkShapes,
  ConstraintExtension,
  ObjectiveExtension,
} from './contracts/Extension.js';

export type { IpmPlugin } from './plugins/IpmPlugin.js';
export { definePlugin, type PluginDefinition } from './plugins/definePlugin.js';

export type { TrainerHook, TrainOutcome } from './trainer/TrainerHook.js';
export type { TrainerContext } from './trainer/TrainerContext.js';
export type { StepResult } from './trainer/StepResult.js';
