/** Once per test run, after every test: stops and removes the PostgreSQL cluster global-setup.ts started. */
import type { Cluster } from './postgres';

export default function globalTeardown(): void {
  const holder = globalThis as { testCluster?: Cluster };
  holder.testCluster?.remove();
  delete holder.testCluster;
}
