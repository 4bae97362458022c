/**
 * Compiles src/ for the tests that run the server as its own process, on a worker thread so that global-setup.ts
 * checks (or builds) the store meanwhile. Plain JavaScript: a worker thread loads it without ts-jest. Each run gets
 * a fresh folder under var/test/, so concurrent runs in one checkout cannot delete each other's build. Each file is
 * transpiled with the build config's options and no type check, as ts-jest does (`npm run typecheck` checks the
 * types); the JSON files src/ imports are copied beside it, as tsc would emit them.
 */
const { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');
const { isMainThread, parentPort, Worker, workerData } = require('node:worker_threads');

/** Returns the compiled entry point (src/index.js). */
function compileServer(projectRoot) {
  const ts = require('typescript');
  mkdirSync(join(projectRoot, 'var/test'), { recursive: true });
  const outDir = mkdtempSync(join(projectRoot, 'var/test/server-'));
  const configFile = join(projectRoot, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, projectRoot, undefined, configFile);
  const compilerOptions = { ...parsed.options, sourceMap: false, outDir: undefined, rootDir: undefined };
  // Declaration files (src/types/) hold types only: nothing to emit.
  const sources = parsed.fileNames.filter((name) => relative(projectRoot, name).startsWith(`src${sep}`) && !name.endsWith('.d.ts'));
  for (const file of sources) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    const target = join(outDir, relative(projectRoot, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
    for (const [, json] of outputText.matchAll(/require\("(\.[^"]+\.json)"\)/g)) {
      const source = resolve(dirname(file), json);
      const copy = join(outDir, relative(projectRoot, source));
      mkdirSync(dirname(copy), { recursive: true });
      copyFileSync(source, copy);
    }
  }
  return join(outDir, 'src/index.js');
}

/** compileServer on a worker thread. */
function compileServerOnWorker(projectRoot) {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(__filename, { workerData: { projectRoot } });
    worker.once('message', resolvePromise);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the server compiler exited with ${code} before it finished`)));
  });
}

if (!isMainThread && workerData?.projectRoot !== undefined) parentPort.postMessage(compileServer(workerData.projectRoot));

module.exports = { compileServerOnWorker };
