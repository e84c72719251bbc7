import type { PluginSpec } from './PluginSpec.js';

/** README.md of a scaffolded plugin: what it is and how to build, test, install and select it. */
export function pluginReadme(spec: PluginSpec): string {
  const { packageName, id, identifier } = spec;
  const fence = '```';
  return `# ${packageName}

The \`${id}\` objective for [ipmgan](https://github.com/ipmgan/ipmgan): an integral
probability metric E_r[f(x)] - E_g[f(g(z))] maximised over a constrained score critic f.

Scaffolded by \`ipmgan new-plugin\`. As generated it is a working IPM (the loss pair of
WGAN with a weight-clipped critic); make it yours in:

- \`src/${identifier}Losses.ts\`: the losses and the estimate, pure functions of the critic's scores;
- \`src/${identifier}.ts\`: the options schema, the estimate's name and meaning, and the defaults
  (batch size, critic steps, optimizers, Lipschitz constraints).

See ipmgan's \`docs/authoring-plugins.md\` for a worked example.

## Build and test

${fence}sh
npm install
npm run build
npm test   # core's conformance kit (src/conformance.spec.ts) and the closed-form tests
${fence}

## Use it

In an ipmgan project:

${fence}sh
npm install ../${packageName.replace(/^@[^/]+\//, '')}   # or the published package
${fence}

and select it in the config file (\`ipmgan.config.yaml\`):

${fence}yaml
objective: { name: ${id} }
data: { name: ring8 }
${fence}

then \`npx ipmgan train\`.
`;
}
