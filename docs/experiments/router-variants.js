/**
 * What the router's-path experiments (router-path-costs.js, instructions-per-request.js) compare: the processes by
 * name, how a run's arguments choose them, and a free loopback port for each. A throwaway helper, not the product.
 */
const { join, resolve } = require('node:path');
const net = require('node:net');

const root = resolve(__dirname, '../..');
const server = join(root, 'dist/src/index.js');

/** Each variant: its entry, its environment, and whether it is the serialising ceiling (given an answer file). */
const VARIANTS = {
  server: { entry: server, env: {} },
  'apollo-path': { entry: server, env: { FAST_PATH: '0' } },
  'no-cache': { entry: server, env: { RESPONSE_CACHE_MB: '0' } },
  'no-log': { entry: server, env: { LOG_LEVEL: 'warn' } },
  bare: { entry: server, env: { RESPONSE_CACHE_MB: '0', LOG_LEVEL: 'warn' } },
  'graphql-jit': { entry: join(root, 'dist/scripts/peer-graphql-jit.js'), env: {} },
  mercurius: { entry: join(root, 'dist/scripts/peer-mercurius.js'), env: {} },
  ceiling: { entry: join(root, 'dist/scripts/ceiling-server.js'), env: {}, ceiling: true },
};

/**
 * The variants named in `args` (`defaults` when none), by name; `label=dir` is the server built into another
 * directory (a build of another commit, `tsc --outDir dir`), as it ships.
 */
function chooseVariants(args, defaults) {
  const chosen = {};
  for (const name of args.length > 0 ? args : defaults) {
    const [label, dir] = name.split('=');
    chosen[label] = dir === undefined ? VARIANTS[label] : { entry: join(resolve(root, dir), 'src/index.js'), env: {} };
    if (chosen[label] === undefined) throw new Error(`no variant ${label}: ${Object.keys(VARIANTS).join(', ')} or label=dir`);
  }
  return chosen;
}

/** A free loopback port (a server started with LOG_LEVEL=warn prints no ready line to read one from). */
function freePort() {
  return new Promise((res) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => res(port));
    });
  });
}

module.exports = { root, server, VARIANTS, chooseVariants, freePort };
