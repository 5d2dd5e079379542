// Placeholder Odoo emulator: answers GET /web/version like Odoo 19 so the stack and the
// health check run. The full emulator (JSON-2, JSON-RPC, webhooks, faults) replaces it.
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string", default: "8069" }, "api-key": { type: "string" }, "state-file": { type: "string" } } });
const port = Number(values.port);

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/web/version") {
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ version_info: [19, 0, 0, "final", 0, ""], version: "19.0" }));

    return;
  }
  res.writeHead(404, { "Content-Type": "text/plain" });
  res.end("Not Found");
});

server.listen(port, "127.0.0.1", () => console.log(`odoo-emulator listening on ${port}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.close(() => process.exit(0)));
