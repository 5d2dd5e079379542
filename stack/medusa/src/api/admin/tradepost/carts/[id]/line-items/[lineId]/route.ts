import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { deleteLineItemsWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows";
import { retrieveCart } from "../../../route";
import type { TUpdatePricedLineItem } from "../../../../validators";

// Authenticated by authenticateTradepost (src/api/middlewares.ts) instead of Medusa's own check.
export const AUTHENTICATE = false;

async function openCartLine(req: AuthenticatedMedusaRequest<unknown>) {
  const { id: cartId, lineId } = req.params;
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "items.id"],
    filters: { id: cartId },
  });
  const cart = data[0];
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`);
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cartId} is already completed`);
  if (!cart.items?.some((item: { id?: string } | null) => item?.id === lineId))
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Line ${lineId} is not in cart ${cartId}`);

  return { cartId, lineId };
}

// POST /admin/tradepost/carts/:id/line-items/:lineId – new quantity with the price Tradepost re-decided.
export async function POST(req: AuthenticatedMedusaRequest<TUpdatePricedLineItem>, res: MedusaResponse) {
  const { cartId, lineId } = await openCartLine(req);
  const body = req.validatedBody;
  await updateLineItemInCartWorkflow(req.scope).run({
    input: {
      cart_id: cartId,
      item_id: lineId,
      update: {
        quantity: body.quantity,
        unit_price: body.unit_price,
        ...(body.metadata ? { metadata: body.metadata } : {}),
      },
    },
  });

  res.json({ cart: await retrieveCart(req, cartId) });
}

// DELETE /admin/tradepost/carts/:id/line-items/:lineId
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { cartId, lineId } = await openCartLine(req);
  await deleteLineItemsWorkflow(req.scope).run({ input: { cart_id: cartId, ids: [lineId] } });

  res.json({ cart: await retrieveCart(req, cartId) });
}
