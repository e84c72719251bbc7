/** What `ipmgan init` writes: a small config that trains as it is, with the fields most often changed. */
export const starterConfig = `# ipmgan config (every field: docs/configuration.md). Train: ipmgan train
name: my-run                 # run directory: <run.dir>/<name>-<UTC timestamp>
seed: 1                      # same seed, same run
objective:
  name: wgan                 # the installed objectives: \`ipmgan plugins\`
data:
  name: ring8                # 8 Gaussians on a circle; also grid25, swissroll, mnist, csv, npy
generator:
  noise: { distribution: gaussian, dimension: 2 }
  network: { name: mlp, options: { hidden: [128, 128, 128], activation: relu } }
critic:
  network: { name: mlp, options: { hidden: [128, 128, 128], activation: relu } }
  # constraints, batch size, optimizers and n_critic default to the objective's
training:
  iterations: 500
  # batchSize: 64
run:
  dir: runs
  logEvery: 10               # a metrics.jsonl line every 10 iterations
  checkpointEvery: 100
  sampleEvery: 100           # generated samples written to samples/
  evaluateEvery: 50          # sample-quality metrics (W1, MMD, modes) every 50 iterations
# To run several objectives side by side on this setup: ipmgan compare
# compare:
#   objectives: [wgan, wgan-gp]   # any installed objectives
#   seeds: [1, 2]
`;
