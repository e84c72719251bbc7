/**
 * The critic an objective trains, which core builds for it:
 * - `score`: a network with one output per sample (WGAN's f, a GAN's logit);
 * - `features`: a network whose last layer has `size` outputs, no decoder (MMD-GAN's h);
 * - `autoencoder`: an encoder and a decoder; the score is the reconstruction energy, `code` the encoder's output (EBGAN).
 */
export type CriticRequirement =
  | { readonly output: 'score' }
  | { readonly output: 'features'; readonly size: number }
  | { readonly output: 'autoencoder' };

/**
 * What an objective needs from a config, checked when the config is resolved (before a run
 * directory exists): a config that does not meet it fails with one line naming the field.
 */
export interface ObjectiveRequirements {
  /** Absent exactly when usesCritic is false. */
  readonly critic?: CriticRequirement;
  /** Constraints this objective cannot train with, each with the reason shown to the user. */
  readonly refusesConstraints?: readonly { readonly id: string; readonly reason: string }[];
}
