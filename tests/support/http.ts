/** The HTTP front over the real test store, on an ephemeral port, in this process. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHttpServer } from '../../src/http';
import { type Logger, silentLogger } from '../../src/logger';
import { createServer } from '../../src/server';
import { openStore } from '../../src/store/store';
import { testStoreFile } from './paths';

export interface RunningHttp {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  server: Server;
  setReady(ready: boolean): void;
  stop(): Promise<void>;
}

export interface ServeOptions {
  production: boolean;
  maxBodyBytes?: number;
  logger?: Logger;
  /** Leave readiness false, as during startup. */
  ready?: boolean;
}

export async function serveHttp({ production, maxBodyBytes = 100_000, logger = silentLogger, ready = true }: ServeOptions): Promise<RunningHttp> {
  const store = await openStore(testStoreFile);
  const apollo = createServer({ production });
  await apollo.start();
  const { server, setReady } = await startHttpServer(
    { apollo, store, maxBodyBytes, exposeStatementCount: !production, logger },
    0,
  );
  setReady(ready);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    server,
    setReady,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
      await store.close();
    },
  };
}
