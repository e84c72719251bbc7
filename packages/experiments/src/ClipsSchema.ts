import { z } from 'zod';

/** The clipping values c an experiment sweeps (E6, E10), ascending: the first is "small", the last "large". */
export const ClipsSchema = z
  .array(z.number().positive())
  .min(2)
  .superRefine((clips, context) => {
    clips.forEach((c, i) => {
      if (i > 0 && c <= (clips[i - 1] ?? 0))
        context.addIssue({ code: 'custom', path: [i], message: 'expected ascending values' });
    });
  });
