/**
 * The local registry's config (docs/authoring-plugins.md shows it verbatim; the registry test
 * checks that it does). ipmgan's scope and the test plugin's are served only from its own
 * storage, next to this file, and anyone may publish to them; every other package comes from
 * the public registry (the uplink) and is cached, so tfjs, zod, ava and the rest install.
 */
export const verdaccioConfig = `storage: ./storage
auth:
  htpasswd:
    file: ./htpasswd
uplinks:
  npmjs:
    url: https://registry.npmjs.org/
    timeout: 60s
packages:
  '@ipmgan/*':
    access: $all
    publish: $anonymous
  '@me/*':
    access: $all
    publish: $anonymous
  '**':
    access: $all
    proxy: npmjs
max_body_size: 200mb
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;
