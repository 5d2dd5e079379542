import { NextResponse } from "next/server";
import { ZPriceRequest } from "@/lib/validation/storefront";
import { organisationIdOf, requireUser } from "@/server/auth/session";
import { withRoute } from "@/server/http/route-handler";
import { priceConfiguredLine } from "@/server/storefront/price-configured-line";

/**
 * POST { product, configuration, quantity, sku? } → the caller's organisation price with its
 * breakdown and a signed quote. Per buyer: never cached.
 */
export const POST = withRoute("storefront.price", async (request) => {
  const started = performance.now();
  const user = await requireUser("storefront.browse");
  const authenticated = performance.now();
  const input = ZPriceRequest.parse(await request.json().catch(() => ({})));
  const line = await priceConfiguredLine({ organisationId: organisationIdOf(user), productHandle: input.product, configuration: input.configuration, quantity: input.quantity, sku: input.sku });
  const timing = `auth;dur=${(authenticated - started).toFixed(1)}, price;dur=${(performance.now() - authenticated).toFixed(1)}`;

  return NextResponse.json(
    {
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
    },
    { headers: { "cache-control": "private, no-store", "server-timing": timing } },
  );
});
