// Browsers drop tabs and newlines from URLs and treat "\" as "/", so "/\t/evil.example" becomes
// "//evil.example" — another host. Rather than enumerate such tricks, anything carrying a control
// character or a backslash (raw or percent-encoded) is refused, and what remains is resolved
// against the app's own origin and must stay on it.
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]|%(?:[01][0-9a-f]|7f|5c)/i;
const NEVER_RETURN_TO = ["/login", "/api/"];
const MAX_LENGTH = 500;

/**
 * A same-origin path (with its query and hash) to return to after sign-in; anything else falls back to "/".
 * `origin` is the app's public origin (APP_URL on the server, window.location.origin in the browser).
 */
export function safeNextPath(candidate: string | null | undefined, origin: string): string {
  if (!candidate || candidate.length > MAX_LENGTH || CONTROL_OR_BACKSLASH.test(candidate)) return "/";
  if (!candidate.startsWith("/") || candidate.startsWith("//")) return "/";

  let resolved: URL;
  let own: URL;
  try {
    own = new URL(origin);
    resolved = new URL(candidate, own);
  } catch {
    return "/";
  }
  if (resolved.origin !== own.origin) return "/";
  const { pathname } = resolved;
  // Checked after resolving, so "/x/../login" is caught too.
  if (NEVER_RETURN_TO.some((prefix) => pathname.startsWith(prefix))) return "/";

  return `${pathname}${resolved.search}${resolved.hash}`;
}
