import { z } from 'zod';
import { ObjectiveEntrySchema } from './ObjectiveEntrySchema.js';

/**
 * An experiment's objective entries (E1's and E5's objectives, E9's trainings): at least one,
 * each label (default: the name) unique, since tables, figures and claims find them by label.
 */
export const LabelledEntriesSchema = z
  .array(ObjectiveEntrySchema)
  .min(1)
  .superRefine((entries, context) => {
    const labels = entries.map((e) => e.label ?? e.name);
    labels.forEach((label, i) => {
      if (labels.indexOf(label) !== i)
        context.addIssue({ code: 'custom', path: [i, 'label'], message: `duplicate label "${label}"` });
    });
  });
