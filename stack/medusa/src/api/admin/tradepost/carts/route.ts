import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import { createCartWorkflow } from "@medusajs/medusa/core-flows";
import type { TCreateCart } from "../validators";

// Authenticated by authenticateTradepost (src/api/middlewares.ts) instead of Medusa's own check.
export const AUTHENTICATE = false;

// POST /admin/tradepost/carts – create a cart for a Medusa customer on behalf of Tradepost.
// The storefront never talks to Medusa directly; the region and sales channel default to
// the store's defaults.
export async function POST(req: AuthenticatedMedusaRequest<TCreateCart>, res: MedusaResponse) {
  const body = req.validatedBody;
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "email"],
    filters: { id: body.customer_id },
  });
  const customer = customers[0];
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${body.customer_id} was not found`);

  const storeService = req.scope.resolve(Modules.STORE);
  const [store] = await storeService.listStores({}, { take: 1 });
  const { result } = await createCartWorkflow(req.scope).run({
    input: {
      customer_id: customer.id,
      email: body.email ?? customer.email ?? undefined,
      region_id: body.region_id ?? store?.default_region_id ?? undefined,
      sales_channel_id: body.sales_channel_id ?? store?.default_sales_channel_id ?? undefined,
      metadata: body.metadata,
    },
  });

  res.status(201).json({ cart: await retrieveCart(req, result.id) });
}

export async function retrieveCart(req: AuthenticatedMedusaRequest<unknown>, cartId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "customer_id",
      "email",
      "region_id",
      "sales_channel_id",
      "currency_code",
      "completed_at",
      "metadata",
      "items.*",
    ],
    filters: { id: cartId },
  });

  return data[0];
}
