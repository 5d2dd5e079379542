// Bodies exactly as Odoo (werkzeug) writes them.
import type { ServerResponse } from "node:http";
import { pythonDumps } from "./python-json";

const JSON_TYPE = "application/json; charset=utf-8";
const HTML_TYPE = "text/html; charset=utf-8";

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const body = Buffer.from(pythonDumps(value), "utf8");
  res.writeHead(status, { "Content-Type": JSON_TYPE, "Content-Length": String(body.length), ...extraHeaders });
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  const body = Buffer.from(html, "utf8");
  res.writeHead(status, { "Content-Type": HTML_TYPE, "Content-Length": String(body.length) });
  res.end(body);
}

export function unsupportedMediaType(route: string, type: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n<p>Request inferred type is compatible with [&#39;http&#39;] but &#39;${route}&#39; is type=&#39;${type}&#39;.<br><br>Please verify the Content-Type request header and try again.</p>\n`;
}

export const NO_DATABASE_PAGE =
  "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n<!-- Alternatively, use the X-Odoo-Database header. -->\n";

export const SERVICE_UNAVAILABLE_PAGE =
  "<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n</body>\n</html>\n";
export const BAD_GATEWAY_PAGE =
  "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n</body>\n</html>\n";

export const isJsonContentType = (header: string | undefined) => /^application\/json\b/i.test(header ?? "");
