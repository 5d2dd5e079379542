import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { addToCartWorkflow } from "@medusajs/medusa/core-flows";
import { retrieveCart } from "../../route";
import type { TAddPricedLineItem } from "../../../validators";

// Authenticated by authenticateTradepost (src/api/middlewares.ts) instead of Medusa's own check.
export const AUTHENTICATE = false;

// POST /admin/tradepost/carts/:id/line-items – add a line with the unit price Tradepost's
// pricing engine decided (Medusa marks it is_custom_price and keeps it on refreshes and on
// the order) and its metadata (configuration, signed price quote).
export async function POST(req: AuthenticatedMedusaRequest<TAddPricedLineItem>, res: MedusaResponse) {
  const cartId = req.params.id;
  const body = req.validatedBody;
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at"],
    filters: { id: cartId },
  });
  const cart = carts[0];
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`);
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cartId} is already completed`);

  await addToCartWorkflow(req.scope).run({
    input: {
      cart_id: cartId,
      items: [
        { variant_id: body.variant_id, quantity: body.quantity, unit_price: body.unit_price, metadata: body.metadata },
      ],
    },
  });

  res.status(201).json({ cart: await retrieveCart(req, cartId) });
}
