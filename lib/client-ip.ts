/**
 * The client address for the per-IP sign-in limit, from X-Forwarded-For. Each proxy appends
 * the address it received the request from, so the left part is whatever the client chose
 * to send and only the last `trustedHops` entries were written by our own infrastructure:
 * the entry `trustedHops` from the right is the client as our outermost proxy saw it.
 * (Next.js itself fills the header with the socket address when no proxy set it.)
 */
export function clientIpFromForwardedFor(forwardedFor: string | undefined, trustedHops: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const client = hops[Math.max(hops.length - trustedHops, 0)];

  return (client ?? "unknown").slice(0, 64);
}
