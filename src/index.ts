/** Entry point only: config -> open store -> create server -> listen; SIGTERM drains and exits 0. */
import { ConfigError, readConfig } from './config';
import { createLogger } from './logger';
import { StoreError } from './store/errors';
import { checkStoreFileOnWorker } from './store/file-check';

const { logger, flush } = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });

async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  // The store's page check and data/'s hash read whole files: they start first, on a worker thread, and the
  // modules below load (imported here, not above, so that they load meanwhile) and the schema is built while they
  // run. ensureStore returns the store only once they passed, and the server listens only after that.
  const fileCheck = checkStoreFileOnWorker(config.storeFile, config.dataDir);
  const [{ ensureStore }, { createServer }, { openCorrections }, { startHttpServer }, { ResponseCache }, { EntityCache }] = await Promise.all([
    import('./store/ensure'),
    import('./server'),
    import('./corrections/service'),
    import('./http'),
    import('./http/response-cache'),
    import('./http/entity-cache'),
  ]);
  const storeReady = ensureStore({
    dataDir: config.dataDir,
    storeFile: config.storeFile,
    rebuild: !config.production,
    heldRows: config.heldRows,
    log: (line) => logger.info(line),
    fileCheck,
  });
  // Awaited below: a store refused while the schema is built must not go unheard until then.
  storeReady.catch(() => {});
  const apollo = createServer({ production: config.production, explorer: config.explorer, logger });
  await apollo.start();
  const store = await storeReady;
  const corrections = await openCorrections({
    file: config.correctionsFile,
    databaseUrl: config.correctionsDatabaseUrl,
    // One line when the database cannot be reached (at startup too) and one when it is back; reads go on regardless.
    onAvailability: (available, reason) =>
      available
        ? logger.info('corrections database reachable again')
        : logger.warn({ reason }, 'corrections database unreachable: serving reads; corrections answer SERVICE_UNAVAILABLE until it is back'),
    adminTokenHashes: config.adminTokenHashes,
    viewerTokenHashes: config.viewerTokenHashes,
    suggestionsPerMinute: config.suggestionsPerMinute,
    clientHeader: config.clientKeyHeader,
  });
  // How many tokens, never the hashes: with none, suggestions are stored but nobody can read or review them.
  logger.info({ corrections: corrections.store.where, accessTokens: corrections.tokens.size }, 'corrections store open');
  const { server, setReady } = await startHttpServer(
    {
      apollo,
      store,
      maxBodyBytes: config.maxBodyBytes,
      exposeStatementCount: !config.production,
      logger,
      responseCache: new ResponseCache(config.responseCacheBytes, config.responseCacheMinUses),
      corrections,
      fastPath: config.fastPath,
      entityCache: new EntityCache(config.entityCacheBytes),
      explorer: config.explorer,
    },
    config.port,
  );
  setReady(true);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  logger.info(
    { port, mode: config.production ? 'production' : 'development', explorer: config.explorer, startupMs: Math.round(performance.now() - started) },
    `ready at http://localhost:${port}/`,
  );
  flush();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    setReady(false);
    logger.info(`${signal}: finishing in-flight requests`);
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 8s; exiting');
      flush();
      process.exit(1);
    }, 8000);
    force.unref();
    server.close();
    // close() ends the connections idle now; keep-alive connections go idle as their last requests finish.
    const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.once('close', () => resolve()));
    clearInterval(closeIdle);
    await apollo.stop();
    await store.close();
    await corrections.store.close();
    logger.info('store closed; stopped');
    flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof StoreError || error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error);
  logger.fatal(`startup failed: ${message}`);
  flush();
  process.exit(1);
});
