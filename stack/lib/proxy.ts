// The test stack's load balancer for scale-out mode: a small HTTP reverse proxy that hands each
// request to the next app instance in turn (round robin, no stickiness), so that two requests of
// one browser session land on different instances — the harshest test of "no per-process state".
// It does what a production load balancer does for the app: keeps the Host header (Next's
// server actions compare it with Origin), appends the client to X-Forwarded-For (the per-IP rate
// limits read it, TRUSTED_PROXY_HOPS=1) and streams bodies both ways (React Server Components
// stream). No WebSockets: `next start` needs none.
import http from "node:http";
import type { AddressInfo } from "node:net";

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "upgrade",
]);

export type TProxy = {
  url: string;
  port: number;
  /** Requests handed to each upstream, in the order of `upstreams`. */
  served: number[];
  close: () => Promise<void>;
};

function forwardable(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** Listens on `port` (0: any free port; every interface, as `next start` does) and forwards to 127.0.0.1:`upstreams[i]`, round robin. */
export async function startProxy({ port, upstreams }: { port: number; upstreams: number[] }): Promise<TProxy> {
  if (upstreams.length === 0) throw new Error("The proxy needs at least one upstream port.");
  // A fresh connection per request to the instance: reusing an idle keep-alive connection races
  // the instance closing it (Next closes idle ones after 5 s) and loses the request with a reset.
  // On the loopback a connection costs a fraction of a millisecond.
  const agent = new http.Agent({ keepAlive: false });
  const served = upstreams.map(() => 0);
  let next = 0;

  const server = http.createServer((request, response) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    served[index]! += 1;
    const client = request.socket.remoteAddress ?? "unknown";
    const forwardedFor = request.headers["x-forwarded-for"];
    const upstream = http.request({
      host: "127.0.0.1",
      port: upstreams[index],
      method: request.method,
      path: request.url,
      agent,
      headers: {
        ...forwardable(request.headers),
        "x-forwarded-for": forwardedFor ? `${String(forwardedFor)}, ${client}` : client,
        "x-forwarded-host": request.headers.host ?? "",
        "x-forwarded-proto": "http",
      },
    });
    upstream.on("response", (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardable(answer.headers));
      answer.pipe(response);
      answer.on("error", () => response.destroy());
    });
    upstream.on("error", (error) => {
      // Before the answer started: a clear 502 naming the instance; after: cut the connection,
      // as a load balancer does, so the client sees a broken response rather than a short one.
      if (response.headersSent) return void response.destroy();
      response.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      response.end(`Bad gateway: app instance on port ${upstreams[index]} failed (${error.message}).\n`);
    });
    // The client went away before its answer was complete: stop the instance's work on it too.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  });
  // Next keeps connections alive for 5 s; a shorter timeout here would race it and drop requests.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
