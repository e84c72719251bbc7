import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Seals a checkpoint a test changed on purpose as saveCheckpoint seals it: manifest.json
 * rewritten through `edit` (another iteration, a wrong shape, slots removed), its record of
 * tensors.bin (size, SHA-256) taken from the file as it is now (a NaN written in), and its own
 * SHA-256 recomputed. The change then reaches the checks behind the checksums instead of
 * stopping at them.
 */
export function resealCheckpoint(
  checkpoint: string,
  edit: (manifest: Record<string, unknown>) => void = () => undefined,
): void {
  const path = join(checkpoint, 'manifest.json');
  const { sha256: _sealed, ...manifest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const tensors = readFileSync(join(checkpoint, 'tensors.bin'));
  manifest.files = { 'tensors.bin': { bytes: tensors.byteLength, sha256: sha256(tensors) } };
  edit(manifest);
  writeFileSync(path, `${JSON.stringify({ ...manifest, sha256: sha256(JSON.stringify(manifest)) })}\n`);
}
