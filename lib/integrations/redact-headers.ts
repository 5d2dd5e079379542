// Headers of inbound deliveries are kept for operators (who sent what, with which content
// type), but never the credentials some of them carry: those are replaced, by name.

const SENSITIVE =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|signature|password|api[-_]?key|^x-hub-/i;
export const REDACTED = "[redacted]";

/** The headers as a plain object with lower-case names, credentials replaced by "[redacted]". */
export function redactHeaders(headers: Iterable<[string, string]> | Record<string, string>): Record<string, string> {
  const entries = Symbol.iterator in headers ? [...headers] : Object.entries(headers);

  return Object.fromEntries(
    entries.map(([name, value]) => [name.toLowerCase(), SENSITIVE.test(name) ? REDACTED : value]),
  );
}
