import "server-only";

/**
 * next-auth answers a refused credentials sign-in with 200 and `{ url: "/login?error=…" }` (the JSON
 * its browser client asked for). A sign-in refused for too many failures (error RATE_LIMITED:<minutes>)
 * becomes a 429 with Retry-After instead, body and cookies unchanged: the client reads the error from
 * the URL whatever the status, and monitors and scripts see the limit for what it is.
 */
export async function withSignInRateLimitStatus(response: Response): Promise<Response> {
  if (response.status !== 200 || !response.headers.get("content-type")?.includes("application/json")) return response;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  if (typeof body?.url !== "string") return response;
  const error = new URL(body.url, "http://localhost").searchParams.get("error") ?? "";
  const [reason, minutes] = error.split(":");
  if (reason !== "RATE_LIMITED") return response;
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(Math.max(1, Number(minutes) || 1) * 60));

  return new Response(response.body, { status: 429, headers });
}
