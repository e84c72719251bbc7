import type { ConstraintExtension } from '../contracts/Extension.js';
import { weightClipping } from './weightClipping.js';

export const builtinConstraints: readonly ConstraintExtension[] = [weightClipping];
