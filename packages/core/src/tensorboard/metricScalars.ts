import type { MetricsRecord } from '../runs/MetricsRecord.js';

/**
 * Every number of a metrics.jsonl record as a TensorBoard scalar tag: loss/critic (absent for
 * objectives without a critic), loss/generator, estimate/<estimateName>, time/elapsedSeconds
 * and evaluation/<metric> for each evaluation metric.
 */
export function metricScalars(record: MetricsRecord): [string, number][] {
  return [
    ...(record.criticLoss === null ? [] : [['loss/critic', record.criticLoss] as [string, number]]),
    ['loss/generator', record.generatorLoss],
    [`estimate/${record.estimateName}`, record.estimate],
    ['time/elapsedSeconds', record.elapsedSeconds],
    ...Object.entries(record.evaluation ?? {}).map(([key, value]): [string, number] => [`evaluation/${key}`, value]),
  ];
}
