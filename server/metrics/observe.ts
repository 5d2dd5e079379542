import "server-only";
import { getMetrics } from "@/server/metrics/registry";

// Small, synchronous observations the rest of the code calls; each costs a few map look-ups.

const seconds = (durationMs: number) => Math.max(0, durationMs) / 1000;

/**
 * For checkout: call once per submission with how it ended and how long it took, e.g.
 * `observeCheckout("placed", performance.now() - started)`. Outcomes are a small fixed set
 * (placed, approval_requested, price_changed, refused, failed): never ids or messages.
 */
export function observeCheckout(outcome: string, durationMs: number): void {
  getMetrics().checkouts.observe({ outcome }, seconds(durationMs));
}

/** For webhook receivers: the time from arrival to answer, by verdict (accepted, duplicate, rejected). */
export function observeWebhookAck(source: string, status: string, durationMs: number): void {
  getMetrics().webhookAcks.observe({ source, status }, seconds(durationMs));
}
