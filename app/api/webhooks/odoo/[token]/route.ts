import { NextResponse } from "next/server";
import { withRoute } from "@/server/http/route-handler";
import { receiveOdooWebhook, type TOdooWebhookRefusal } from "@/server/integrations/receive-odoo-webhook";
import { observeWebhookAck } from "@/server/metrics/observe";

const STATUS: Record<TOdooWebhookRefusal, number> = {
  "not-found": 404,
  "too-large": 413,
  "unsupported-media-type": 415,
  invalid: 422,
  "rate-limited": 429,
};

/**
 * POST an Odoo "Send Webhook Notification" delivery to /api/webhooks/odoo/<token> → 200
 * { status: "accepted" | "duplicate", deliveryId } once it is in the inbox. A wrong token or
 * signature is a bare 404, so the endpoint says nothing to whoever guesses at it.
 */
export const POST = withRoute<{ params: Promise<{ token: string }> }>("webhooks.odoo", async (request, context) => {
  const { token } = await context.params;
  const started = performance.now();
  const outcome = await receiveOdooWebhook({ token, headers: request.headers, body: request.body });
  observeWebhookAck("odoo", outcome.status, performance.now() - started);
  const noStore = { "cache-control": "no-store" };
  if (outcome.status !== "rejected") return NextResponse.json(outcome, { headers: noStore });
  if (outcome.refusal === "not-found")
    return NextResponse.json(
      { error: { code: "NOT_FOUND", message: "Not found." } },
      { status: 404, headers: noStore },
    );

  return NextResponse.json(
    { error: { code: outcome.refusal.toUpperCase().replaceAll("-", "_"), message: outcome.message } },
    {
      status: STATUS[outcome.refusal],
      headers: outcome.retryAfterSeconds ? { ...noStore, "retry-after": String(outcome.retryAfterSeconds) } : noStore,
    },
  );
});
