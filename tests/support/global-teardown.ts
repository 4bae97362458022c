/** After the run: removes the server global-setup.ts compiled, and stops and removes its PostgreSQL cluster. */
import type { Cluster } from './postgres';
import { removeBuild } from './process';

export default function globalTeardown(): void {
  if (process.env.TEST_SERVER_ENTRY !== undefined) removeBuild(process.env.TEST_SERVER_ENTRY);
  const holder = globalThis as { testCluster?: Cluster };
  holder.testCluster?.remove();
  delete holder.testCluster;
}
