/**
 * Starts the HTTP server: the app of {@link createApp} on Node's HTTP server, listening on one
 * address. IO lives here; the app itself is a pure function of its options.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { DossierError } from '../errors.js';
import { createApp, type AppOptions } from './app.js';

/** Options of {@link startServer}: the app's, plus the port (0 picks a free one). */
export interface ServerOptions extends AppOptions {
  readonly port: number;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and closes open ones (the store is the caller's to close). */
  close(): Promise<void>;
}

/** Listens on `host:port`; rejects with a DossierError when the address cannot be used. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would hold close() open until they time out.
            if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function') server.closeAllConnections();
          }),
      });
    });
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(new DossierError('usage:invalid', `listen on ${options.host}:${options.port}: expected a free address, found ${err.code ?? err.message}`));
    });
  });
}
