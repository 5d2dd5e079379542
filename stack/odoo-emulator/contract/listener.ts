// A stand-in for Tradepost's webhook endpoint, as in the recording: /hook answers 200 at
// once, /slow after 3 s (Odoo gives up after 1 s), /hook500 answers 500.
import { createServer, type Server } from "node:http";

export type TReceived = { method: string; path: string; headers: Record<string, string>; bodyRaw: string };

export async function startListener(port: number): Promise<{ server: Server; received: TReceived[] }> {
  const received: TReceived[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (let index = 0; index < req.rawHeaders.length; index += 2)
        headers[req.rawHeaders[index]!] = req.rawHeaders[index + 1]!;
      received.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers,
        bodyRaw: Buffer.concat(chunks).toString("utf8"),
      });
      if (req.url === "/slow") setTimeout(() => res.end("late"), 3_000);
      else if (req.url === "/hook500") res.writeHead(500).end("boom");
      else res.end("ok");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });

  return { server, received };
}
