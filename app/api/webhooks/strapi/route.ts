import { NextResponse } from "next/server";
import { withRoute } from "@/server/http/route-handler";
import { receiveStrapiWebhook, type TStrapiWebhookRefusal } from "@/server/pim/receive-strapi-webhook";

const STATUS: Record<TStrapiWebhookRefusal, number> = {
  "not-found": 404,
  "too-large": 413,
  "unsupported-media-type": 415,
  invalid: 422,
  "rate-limited": 429,
};

/**
 * POST a Strapi webhook delivery (header X-Tradepost-Webhook-Secret) → 200 { status: "accepted" |
 * "duplicate", deliveryId } once it is in the inbox. A wrong or missing secret is a bare 404.
 */
export const POST = withRoute("webhooks.strapi", async (request) => {
  const outcome = await receiveStrapiWebhook({ headers: request.headers, body: request.body });
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
