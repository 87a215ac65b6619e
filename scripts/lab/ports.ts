import { createServer } from 'node:net';
import { LabError } from './errors';

/**
 * Asks the kernel for a free TCP port on 127.0.0.1 (bind to port 0, read it, close).
 * The port can be taken again before the service binds it; callers retry on LAB_PORT_IN_USE.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new LabError('LAB_UNEXPECTED', 'no TCP address for a port-0 listener'));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}
