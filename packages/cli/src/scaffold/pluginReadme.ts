import type { ObjectiveCritic } from './ObjectiveCritic.js';
import type { PluginKind } from './PluginKind.js';
import type { PluginSpec } from './PluginSpec.js';

const fence = '```';
const ipmgan = '[ipmgan](https://github.com/ipmgan/ipmgan)';

/** The tarball `npm pack` writes for version 0.1.0: `@me/ipmgan-x` packs to me-ipmgan-x-0.1.0.tgz. */
const tarballOf = (packageName: string): string => `${packageName.replace(/^@/, '').replace('/', '-')}-0.1.0.tgz`;

/** Per kind: what the plugin is, its files to edit, its specs, and how a config selects it. */
function partsOf(
  kind: PluginKind,
  spec: PluginSpec,
  critic: ObjectiveCritic,
): { what: string; edit: string; specs: string; select: string } {
  const { packageName, id, identifier } = spec;
  const plugins = `plugins: ['${packageName}']`;
  const drill = 'src/killResume.spec.ts';
  switch (kind) {
    case 'objective':
      if (critic === 'features')
        return {
          what:
            `objective for ${ipmgan}: the distance between the means of learned critic features\n` +
            'h(x), ||E_r[h(x)] - E_g[h(x)]||, with a second-moment penalty in the critic loss. The critic\n' +
            "is a network with n outputs that core builds from the objective's `requires`: no\n" +
            'autoencoder and no constraint.',
          edit:
            `- \`src/${identifier}Losses.ts\`: the losses, the estimate and its witness, pure functions of the critic's features;\n` +
            `- \`src/${identifier}.ts\`: the options schema (the feature count n among them), \`requires\`, the estimate's\n` +
            '  name and meaning, and the defaults (batch size, critic steps, optimizers).',
          specs: `core's conformance kit (src/conformance.spec.ts), the closed-form tests and the kill-and-resume drill (${drill})`,
          select: `objective: { name: ${id}, options: { features: 16 } }\ndata: { name: ring8 }`,
        };
      return {
        what:
          `objective for ${ipmgan}: an integral probability metric\n` +
          'E_r[f(x)] - E_g[f(g(z))] maximised over a constrained score critic f. As generated it is a\n' +
          'working IPM (the loss pair of WGAN with a weight-clipped critic).',
        edit:
          `- \`src/${identifier}Losses.ts\`: the losses and the estimate, pure functions of the critic's scores;\n` +
          `- \`src/${identifier}.ts\`: the options schema, the estimate's name and meaning, and the defaults\n` +
          '  (batch size, critic steps, optimizers, Lipschitz constraints).',
        specs: `core's conformance kit (src/conformance.spec.ts), the closed-form tests and the kill-and-resume drill (${drill})`,
        select: `objective: { name: ${id} }\ndata: { name: ring8 }`,
      };
    case 'constraint':
      return {
        what: `critic constraint for ${ipmgan}. As generated it projects every kernel onto a Frobenius ball.`,
        edit: `- \`src/${identifier}.ts\`: the options schema and the constraint's penalty, projection or reparametrisation.`,
        specs: `core's constraint kit (src/conformance.spec.ts), the closed-form test and the kill-and-resume drill with WGAN (${drill})`,
        select: `${plugins}\ncritic:\n  constraints: [{ name: ${id} }]`,
      };
    case 'data':
      return {
        what: `data source for ${ipmgan}. As generated it draws uniform samples on a square.`,
        edit: `- \`src/${identifier}.ts\`: the options schema and \`sample(n, rng)\`.`,
        specs: `core's data-source kit (src/conformance.spec.ts), the closed-form test and the kill-and-resume drill with WGAN (${drill})`,
        select: `${plugins}\ndata: { name: ${id} }`,
      };
    case 'network':
      return {
        what: `network for ${ipmgan}. As generated it is one affine layer.`,
        edit: `- \`src/${identifier}.ts\`: the options schema, the variables and \`apply\`.`,
        specs: `the closed-form test and the kill-and-resume drill with WGAN (${drill})`,
        select: `${plugins}\ngenerator: { network: { name: ${id} } }\ncritic: { network: { name: ${id} } }`,
      };
    case 'hook':
      return {
        what: `trainer hook for ${ipmgan}. As generated it measures a metric on evaluation iterations, from its own stream.`,
        edit: `- \`src/${spec.identifier.charAt(0).toUpperCase()}${spec.identifier.slice(1)}.ts\`: what the hook measures or does.`,
        specs: `a training test through openRun and the kill-and-resume drill with WGAN (${drill})`,
        select: plugins,
      };
  }
}

/**
 * README.md of a scaffolded plugin: what it is, and how to build, test, install and select
 * it, with the install commands of docs/authoring-plugins.md ("Install it into a project"):
 * a packed tarball or a registry, never a link to the folder (a second copy of core).
 */
export function pluginReadme(
  spec: PluginSpec,
  kind: PluginKind = 'objective',
  critic: ObjectiveCritic = 'score',
): string {
  const { packageName, id } = spec;
  const folder = packageName.replace(/^@[^/]+\//, '');
  const { what, edit, specs, select } = partsOf(kind, spec, critic);
  return `# ${packageName}

The \`${id}\` ${what}

Scaffolded by \`ipmgan new-plugin\`; make it yours in:

${edit}

See ipmgan's \`docs/authoring-plugins.md\` for a worked example.

## Build and test

${fence}sh
npm install
npm test   # builds first (npm run build), then ${specs}
${fence}

The drill's child processes import \`dist/\`, as ipmgan does, and find this plugin from this
folder: \`npm test\`, \`npm pack\` and \`npm publish\` build first, so \`dist/\` is never stale.

## Use it

An ipmgan project must load one copy of \`@ipmgan/core\`. Pack this folder and install the
tarball, from a project beside it:

${fence}sh
npm pack
cd ../my-project
npm install ../${folder}/${tarballOf(packageName)}
${fence}

or publish it (\`npm publish\`; to a registry on your machine first: docs/authoring-plugins.md,
"Developing against a local registry") and \`npm install ${packageName}\`. Not
\`npm install ../${folder}\`: that links this folder, whose own \`node_modules\` holds a
second copy of core.

Then select it in the project's config file (\`ipmgan.config.yaml\`):

${fence}yaml
${select}
${fence}

and run \`npx ipmgan train\`.
`;
}
