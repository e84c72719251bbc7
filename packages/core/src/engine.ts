// @ipmgan/core/engine: what the engine packages (report, compare, experiments, cli) build
// runs with. Plugin packages need only @ipmgan/core; importing this entry loads the
// TensorFlow.js backends (tensorflow.ts); tf itself is the contract's.

// The backends and their gradients register on import, before any run is built.
import './tensorflow.js';

export { OptimizerConfigSchema, type OptimizerConfigInput } from './optimizers/OptimizerConfig.js';
export { createOptimizer } from './optimizers/createOptimizer.js';
export { ScheduleConfigSchema, type ScheduleConfigInput } from './trainer/ScheduleConfig.js';
export { Trainer, type FitOptions } from './trainer/Trainer.js';
export { criticStep } from './trainer/criticStep.js';
// E8 trains through the step functions with a measured critic optimizer.
export { generatorStep } from './trainer/generatorStep.js';
export { criticIterations } from './trainer/criticIterations.js';
export { objectiveInputs } from './trainer/objectiveInputs.js';
export { PluginContexts } from './trainer/PluginContexts.js';
export type { TrainerState } from './trainer/TrainerState.js';
export { DivergenceError } from './trainer/DivergenceError.js';

export { builtinDataSources } from './data/builtinDataSources.js';
export { mnistDigits } from './data/mnist.js';
export { parseNpy } from './data/parseNpy.js';
export { builtinNetworks } from './networks/builtinNetworks.js';

export { ConfigSchema, ExtensionRefSchema, type Config } from './config/ConfigSchema.js';
export type { ResolvedConfig, ResolvedRef } from './config/ResolvedConfig.js';
export type { SweepSetting } from './config/SweepSetting.js';
export { expandSweep } from './config/expandSweep.js';
export { sweepLabel } from './config/sweepLabel.js';
export { setConfigPath } from './config/setConfigPath.js';
export { checkConfigShape, CONFIG_LIMITS, FORBIDDEN_KEYS } from './config/checkConfigShape.js';
export { checkRunParent } from './runs/checkRunParent.js';
export { parseOrThrow } from './config/parseOrThrow.js';
export { resolve, resolveConfig, type Resolved } from './config/resolveConfig.js';
export { loadConfigFile } from './config/loadConfigFile.js';

export { ExtensionRegistry } from './plugins/ExtensionRegistry.js';
export { corePlugin } from './plugins/corePlugin.js';
export { discoverPlugins } from './plugins/discoverPlugins.js';
export { importPackage, importPlugin } from './plugins/importPlugin.js';
export { pluginsFor } from './plugins/pluginsFor.js';
export { officialProvider } from './plugins/officialPlugins.js';

export { useBackend } from './backend/useBackend.js';
export { KernelSetSchema, type KernelSet } from './backend/KernelSet.js';
export { describeKernels } from './backend/describeKernels.js';
export { probeNative } from './backend/probeNative.js';
export type { NativeStatus } from './backend/NativeStatus.js';
export { resolveThreads } from './backend/resolveThreads.js';

export { RunDirectory } from './runs/RunDirectory.js';
export { stampedPath } from './runs/stampedPath.js';
export { CompareDirectory, type CompareRecord } from './runs/CompareDirectory.js';
export { checkMemoryEstimate } from './runs/checkMemoryEstimate.js';
export type { RunAmendment } from './runs/RunAmendment.js';
export type { MetricsRecord } from './runs/MetricsRecord.js';
export type { Run } from './runs/createRun.js';
export { openRun, type RunSource, type OpenRunOptions, type OpenedRun, type RunChange } from './runs/openRun.js';
export { verifyCheckpoint } from './runs/checkpoint.js';
export { encodeNpy } from './runs/encodeNpy.js';
export { writeFileAtomic } from './runs/writeFileAtomic.js';

export { spearman } from './metrics/spearman.js';
export type { Points } from './metrics/Points.js';
export { pointsFromTensor } from './metrics/pointsFromTensor.js';
export { exactW1, EXACT_W1_MAX_POINTS } from './metrics/exactW1.js';
export type { SampleArray } from './samples/SampleArray.js';
export { readSampleFile } from './samples/readSampleFile.js';
export { encodeSamples } from './samples/encodeSamples.js';
export { slicedW1 } from './metrics/slicedW1.js';
export { mmd2 } from './metrics/mmd2.js';
export { medianBandwidth } from './metrics/medianBandwidth.js';
export { lipschitzEstimate } from './metrics/lipschitzEstimate.js';
export { SampleQualityEvaluator } from './hooks/SampleQualityEvaluator.js';

export { TensorBoardLogger } from './hooks/TensorBoardLogger.js';
export { TensorBoardWriter } from './tensorboard/TensorBoardWriter.js';
export type { PngImage } from './tensorboard/encodeEvent.js';
export { exportTensorBoard } from './tensorboard/exportTensorBoard.js';
export { imageRange } from './tensorboard/imageRange.js';
export { encodePng } from './images/encodePng.js';
export { tileImages, type TileLayout } from './images/tileImages.js';
export { loadGenerator, type LoadedGenerator } from './runs/loadGenerator.js';
export { exportGenerator, type ExportedGeneratorMetadata } from './runs/exportGenerator.js';
export { kernelDistance } from './metrics/kernelDistance.js';
export { metricMeanings } from './metrics/metricMeanings.js';
export { precisionRecall, type PrecisionRecall } from './metrics/precisionRecall.js';
export {
  trainDigitClassifier,
  digitClassifierFromWeights,
  type DigitClassifierWeights,
  type DigitClassifier,
  type DigitClassifierOptions,
  type LabelledDigits,
} from './metrics/digits/digitClassifier.js';
export { featureMoments, frechetDistance, type FeatureMoments } from './metrics/digits/frechetDistance.js';
export { classCoverage, type ClassCoverage } from './metrics/digits/classCoverage.js';
export { digitMetrics, isDigitShaped } from './metrics/digits/digitMetrics.js';
export { ShippedDigitClassifier, type DigitClassifierInfo } from './metrics/digits/ShippedDigitClassifier.js';
