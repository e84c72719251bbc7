import test from 'ava';
import { experimentPlugins, missingObjective } from './experimentPlugins.js';

test('missingObjective: nothing to report for an installed contract-v2 objective, by id or alias', (t) => {
  // The workspace installs every official package, so none is left out here.
  for (const id of ['wgan-gp', 'wgangp', 'sn-gan', 'fisher-gan', '@ipmgan/spectral-norm'])
    t.is(missingObjective(id), undefined, id);
});

test('missingObjective: an id no official package provides is not left out, so core names it', async (t) => {
  t.is(missingObjective('hinge-gan'), undefined);
  await t.throwsAsync(experimentPlugins('hinge-gan'), {
    message: /^objective\.name: unknown objective "hinge-gan"; installed: /,
  });
});
