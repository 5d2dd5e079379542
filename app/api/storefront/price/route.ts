import { NextResponse } from "next/server";
import { ZPriceRequest, type TPriceResponse } from "@/lib/validation/storefront";
import { organisationIdOf, requireUser } from "@/server/auth/session";
import { assertSameOrigin } from "@/server/http/assert-same-origin";
import { withRoute } from "@/server/http/route-handler";
import { assertWithinRateLimit } from "@/server/integrations/assert-within-rate-limit";
import { loadBuyerPricing } from "@/server/pricing/load-buyer-pricing";
import { priceBuyerLine } from "@/server/pricing/price-buyer-line";

// Per buyer per minute (50 a second): a person at the configurator asks ~4 times a second at most;
// generous enough for bench:storefront's two buyers at saturation, and still a ceiling for a script.
const PRICE_REQUESTS_PER_MINUTE = 3000;

/**
 * POST { product, configuration, quantity, sku? } → the caller's organisation price with its
 * breakdown, the volume table and a signed quote. Per buyer: never cached.
 */
export const POST = withRoute("storefront.price", async (request) => {
  const started = performance.now();
  assertSameOrigin(request);
  const user = await requireUser("storefront.browse");
  await assertWithinRateLimit(`price:${user.id}`, PRICE_REQUESTS_PER_MINUTE, 60, "price requests");
  const authenticated = performance.now();
  const input = ZPriceRequest.parse(await request.json().catch(() => ({})));
  const pricing = await loadBuyerPricing({ products: [input.product] });
  const loaded = performance.now();
  const line = priceBuyerLine(
    pricing,
    { organisationId: organisationIdOf(user), ...input },
    { withQuantityBreaks: true },
  );
  const body: TPriceResponse = {
    sku: line.sku,
    currency: line.result.currency,
    quantity: line.result.quantity,
    unitPrice: line.result.unitPrice,
    lineTotal: line.result.lineTotal,
    breakdown: line.result.breakdown,
    quantityBreaks: line.quantityBreaks,
    ruleSetVersionId: line.result.versionId,
    modelVersionId: line.modelVersionId,
    quoteToken: line.token,
    expiresAt: line.expiresAt.toISOString(),
  };
  const ms = (from: number, to: number) => (to - from).toFixed(1);
  const timing = `auth;dur=${ms(started, authenticated)}, load;dur=${ms(authenticated, loaded)}, price;dur=${ms(loaded, performance.now())}`;

  return NextResponse.json(body, { headers: { "cache-control": "private, no-store", "server-timing": timing } });
});
