import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { findOrderOfCart, retrieveOrder } from "../../../orders/retrieve-order";

// Authenticated by authenticateTradepost (src/api/middlewares.ts) instead of Medusa's own check.
export const AUTHENTICATE = false;

// GET /admin/tradepost/carts/:id/order – the order this cart became (recovery finds orders by cart).
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const orderId = await findOrderOfCart(req.scope, req.params.id);
  const order = orderId ? await retrieveOrder(req.scope, orderId) : null;
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${req.params.id} has no order`);

  res.json({ order });
}
