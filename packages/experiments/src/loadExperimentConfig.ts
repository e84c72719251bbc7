import { ConfigError } from '@ipmgan/core';
import { loadConfigFile, parseOrThrow } from '@ipmgan/core/engine';
import type { z } from 'zod';

/**
 * Reads an experiment's YAML/JSON file and validates it against `schema`. Any problem is a
 * one-line ConfigError that names the file and the field, e.g.
 * `configs/e1-parallel-lines.yaml: distances.criticSteps: expected a positive number, got 0`.
 */
export async function loadExperimentConfig<S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>> {
  const { raw, filepath } = await loadConfigFile(process.cwd(), path);
  try {
    return parseOrThrow(schema, raw);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${filepath}: ${error.message}`);
    throw error;
  }
}
