/**
 * Jest's transform for this project: ts-jest (tsconfig.test.json) for TypeScript, then each module is wrapped so
 * that the JavaScript builtins it reads (Math, Object, Array, Map, typed arrays...) are variables of the module,
 * bound once to the test context's own builtins. Jest runs each test file in a vm context, and there V8 looks up
 * every global through the context's interceptor, far slower than in a plain process: hot loops (ranking career
 * moves, building a store) ran several times slower under jest than in the server. With the builtins bound
 * locally the code under test is the same code, running at its ordinary speed. Date and the timers are left
 * global, so jest's fake timers would still reach them. Figures: docs/performance.md, "The test suite (issue 12)".
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { TsJestTransformer } = require('ts-jest');

/** In every cache key, so jest's cache forgets modules wrapped by an older version of this file. */
const VERSION = createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16);

const BUILTINS = [
  'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'Boolean', 'Buffer', 'DataView', 'Error',
  'Float32Array', 'Float64Array', 'Int16Array', 'Int32Array', 'Int8Array', 'JSON', 'Map', 'Math', 'Number', 'Object',
  'Promise', 'RangeError', 'Reflect', 'RegExp', 'Set', 'String', 'Symbol', 'TypeError', 'Uint16Array', 'Uint32Array',
  'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakSet', 'decodeURIComponent', 'encodeURIComponent', 'isFinite',
  'isNaN', 'parseFloat', 'parseInt',
].join(', ');

/**
 * The module body runs in an inner arrow function, so its own declarations may shadow a builtin's name, its
 * "use strict" stays a directive, and `this`, `arguments` and a top-level `return` mean what they meant. The
 * prefix stays on the first line, so line numbers (and source maps) are unchanged.
 */
function bindBuiltins(code) {
  // A `#!` line must stay first: the wrapper opens at the start of the next line.
  const shebang = code.startsWith('#!') ? code.slice(0, code.indexOf('\n') + 1) : '';
  return `${shebang}((${BUILTINS}) => (() => {${code.slice(shebang.length)}\n})())(${BUILTINS});`;
}

class Transformer extends TsJestTransformer {
  process(source, path, options) {
    const result = super.process(source, path, options);
    return typeof result === 'string' ? bindBuiltins(result) : { ...result, code: bindBuiltins(result.code) };
  }

  async processAsync(source, path, options) {
    const result = await super.processAsync(source, path, options);
    return typeof result === 'string' ? bindBuiltins(result) : { ...result, code: bindBuiltins(result.code) };
  }

  getCacheKey(source, path, options) {
    return `${super.getCacheKey(source, path, options)}:${VERSION}`;
  }

  async getCacheKeyAsync(source, path, options) {
    return `${await super.getCacheKeyAsync(source, path, options)}:${VERSION}`;
  }
}

module.exports = { createTransformer: (config) => new Transformer(config) };
