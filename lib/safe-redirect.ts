/** A same-site path to return to after sign-in; anything else (absolute URLs, //host) falls back to "/". */
export function safeNextPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return "/";
  if (candidate.startsWith("/login") || candidate.startsWith("/api/")) return "/";

  return candidate.slice(0, 500);
}
