import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpProblem } from '../http/http-problem.js';
import { createRateLimiter, type RateLimitOptions } from '../http/rate-limiter.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { RelayStore } from '../storage/relay-store.js';
import { authenticate } from './authenticate.js';
import type { Caller, RouteContext, RouteResult } from './route-context.js';
import { findRoute } from './routes.js';

/** Options of {@link createSyncServer}. */
export interface SyncServerOptions {
  readonly store: RelayStore;
  /** The clock, in ms since the epoch (default `Date.now`): code expiry and rate limits read it. */
  readonly now?: () => number;
  /** The largest request body accepted, in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /**
   * Requests per bearer token — and, for pairing and unknown tokens, per client address (default a
   * burst of 120, then 2 per second).
   */
  readonly rateLimit?: RateLimitOptions;
  /** How long a pairing code stays valid, in ms (default one day). */
  readonly codeTtlMs?: number;
  /** The most events one pull returns (default 500). */
  readonly pageSize?: number;
  /**
   * Told about unexpected failures (default: printed to stderr). Never given request bodies, so
   * nothing a couple wrote reaches a log.
   */
  readonly onError?: (error: unknown) => void;
}

/** A sync server, created but not yet listening. */
export interface SyncServer {
  /** The underlying Node server. */
  readonly server: Server;
  /** Starts listening; resolves with the base URL, such as `http://127.0.0.1:8787`. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting requests and closes open connections. The store stays open. */
  close(): Promise<void>;
}

const JSON_HEADERS: OutgoingHttpHeaders = {
  'Content-Type': 'application/json; charset=utf-8',
  // Responses hold a couple's events: no cache on the way may keep them.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...JSON_HEADERS,
    ...headers,
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

const internal = new HttpProblem(500, {
  code: 'internal',
  message: 'Something went wrong on the server; nothing of this request was stored',
  where: 'server',
  fix: 'Try again; if it keeps failing, tell whoever runs this server',
});

/**
 * Creates the HTTP server that relays a couple's events: pairing by code, bearer tokens, uploads
 * checked event by event and stored in one transaction, and pulls filtered so each partner gets only
 * what they may hold. Plain `node:http`: a handful of routes do not need a framework.
 *
 * @example
 * ```ts
 * const store = openSqliteRelayStore({ path: 'data/attune-relay.sqlite' });
 * const url = await createSyncServer({ store }).listen(8787);
 * ```
 */
export function createSyncServer(options: SyncServerOptions): SyncServer {
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const limiter = createRateLimiter(
    options.rateLimit ?? { capacity: 120, refillPerSecond: 2 },
    now,
  );
  const onError =
    options.onError ??
    ((error: unknown) => console.error('Unexpected error while handling a request:', error));
  const context: RouteContext = {
    store: options.store,
    now,
    codeTtlMs: options.codeTtlMs ?? 24 * 60 * 60 * 1000,
    pageSize: options.pageSize ?? 500,
  };

  /** Counts a request against a key, refusing it when the key is over the rate. */
  const limit = (key: string, where: string) => {
    const decision = limiter.take(key);
    if (decision.allowed) return;
    throw new HttpProblem(
      429,
      {
        code: 'rate-limited',
        message: 'Too many requests in a short time',
        where,
        fix: `Wait ${decision.retryAfterSeconds} s (Retry-After) and try again; sync when something changed or every few seconds, not in a tight loop`,
      },
      { headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
    );
  };
  const byAddress = (request: IncomingMessage) =>
    limit(`address:${request.socket.remoteAddress ?? 'unknown'}`, 'client address');

  /** The caller of a route under `/couples/:id`, checked against that couple. */
  const callerOf = async (request: IncomingMessage, coupleId: string): Promise<Caller> => {
    let owner: Awaited<ReturnType<typeof authenticate>>;
    try {
      owner = await authenticate(request, options.store);
    } catch (error) {
      // Failed sign-ins count against the address, so guessing tokens is as slow as guessing codes.
      byAddress(request);
      throw error;
    }
    limit(`token:${owner.tokenHash}`, 'Authorization');
    const couple = owner.couple === coupleId ? await options.store.getCouple(coupleId) : undefined;
    if (!couple) {
      throw new HttpProblem(403, {
        code: 'wrong-couple',
        message: 'This token belongs to another couple',
        where: 'path',
        fix: `Use the couple id you got when pairing: /couples/${owner.couple}/…`,
      });
    }
    return { couple, partner: owner.partner };
  };

  const handle = async (request: IncomingMessage): Promise<RouteResult> => {
    const url = new URL(request.url ?? '/', 'http://relay.invalid');
    const found = findRoute(request.method ?? 'GET', url.pathname);
    if (found.kind === 'not-found') {
      throw new HttpProblem(404, {
        code: 'not-found',
        message: `There is nothing at ${url.pathname}`,
        where: 'path',
        fix: 'See examples/sync-server/README.md for the routes',
      });
    }
    if (found.kind === 'wrong-method') {
      throw new HttpProblem(
        405,
        {
          code: 'method-not-allowed',
          message: `${request.method} is not allowed on ${url.pathname}`,
          where: 'method',
          fix: `Use ${found.allowed.join(' or ')}`,
        },
        { headers: { Allow: found.allowed.join(', ') } },
      );
    }
    const body = async () =>
      request.method === 'POST' ? await readJsonBody(request, maxBodyBytes) : undefined;
    const query = url.searchParams;
    if (found.kind === 'couple') {
      // Signed in and counted before the body is read, so a refused caller costs no upload.
      const caller = await callerOf(request, found.coupleId);
      return found.route.handle({ context, caller, body: await body(), query });
    }
    if (!found.route.unlimited) byAddress(request);
    return found.route.handle({ context, body: await body(), query });
  };

  const server = createServer((request, response) => {
    handle(request).then(
      (result) => send(response, result.status, result.body),
      (error: unknown) => {
        const problem = error instanceof HttpProblem ? error : internal;
        if (problem === internal) onError(error);
        // A refused body may not have been read to its end; the connection cannot be reused.
        const close = problem.status === 413 ? { Connection: 'close' } : {};
        send(response, problem.status, problem, { ...problem.headers, ...close });
      },
    );
  });
  // A slow client must not hold a connection open forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return {
    server,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shown}:${address.port}`);
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
