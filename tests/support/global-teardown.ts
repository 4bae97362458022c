/** After the run: removes the server global-setup.ts compiled. */
import { removeBuild } from './process';

export default function globalTeardown(): void {
  if (process.env.TEST_SERVER_ENTRY !== undefined) removeBuild(process.env.TEST_SERVER_ENTRY);
}
