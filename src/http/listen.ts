import { createServer, type RequestListener, type Server } from "node:http";

/**
 * How long a client may take. Zalo sends a whole event in well under a second and the dashboard's requests
 * are small, so a connection that dribbles its headers or body (one byte at a time) is cut off instead of
 * holding a socket open.
 */
export interface ServerTimeouts {
  /** Whole request headers must arrive within this (Node answers 408 and closes). */
  headersMs: number;
  /** Whole request, body included. */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /** How often Node checks the two limits above (its default, 30 s, would let a slow client stay that long). */
  checkEveryMs: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 20_000, keepAliveMs: 5_000, checkEveryMs: 1_000 };

/** The port is taken, or may not be bound: said in one line by main.ts. */
export class ListenError extends Error {
  override readonly name = "ListenError";
  constructor(
    readonly port: number,
    readonly code: string | undefined,
  ) {
    super(
      code === "EADDRINUSE"
        ? `PORT ${port} is already in use: stop the other process using it or set PORT to a free port`
        : code === "EACCES"
          ? `PORT ${port} needs privileges to bind: use a port above 1023 (and a reverse proxy for 80/443)`
          : `cannot listen on PORT ${port} (${code ?? "unknown error"})`,
    );
  }
}

/** Starts the HTTP server with the timeouts; resolves once it really listens, rejects with a ListenError. */
export function listen(app: RequestListener, port: number, host?: string, t: ServerTimeouts = SERVER_TIMEOUTS): Promise<Server> {
  const server = createServer(
    {
      headersTimeout: t.headersMs,
      requestTimeout: t.requestMs,
      keepAliveTimeout: t.keepAliveMs,
      connectionsCheckingInterval: t.checkEveryMs,
    },
    app,
  );
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => reject(new ListenError(port, err.code));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve(server);
    });
  });
}
