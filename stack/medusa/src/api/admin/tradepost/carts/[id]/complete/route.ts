import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { completeTradepostCheckout } from "../../../../../../workflows/complete-tradepost-checkout";
import { findOrderOfCart, retrieveOrder } from "../../../orders/retrieve-order";
import type { TCompleteCheckout } from "../../../checkout-validators";

// Authenticated by authenticateTradepost (src/api/middlewares.ts) instead of Medusa's own check.
export const AUTHENTICATE = false;

// POST /admin/tradepost/carts/:id/complete – the whole checkout in one call (see the workflow).
// Idempotent per cart: a cart that is already an order answers with that order (200) and changes
// nothing, so a retry after a lost answer, a double submit or a second tab all get the same order.
// Calls for one cart run one at a time in this process (Medusa's locking module).
export async function POST(req: AuthenticatedMedusaRequest<TCompleteCheckout>, res: MedusaResponse) {
  const cartId = req.params.id;
  const locking = req.scope.resolve(Modules.LOCKING);
  const outcome = await locking.execute(
    `tradepost-checkout:${cartId}`,
    async () => {
      const existing = await findOrderOfCart(req.scope, cartId);
      if (existing) return { created: false, orderId: existing };
      const result = await completeTradepostCheckout(req.scope, { ...req.validatedBody, cart_id: cartId });

      return { created: true, orderId: result.orderId };
    },
    { timeout: 60 },
  );
  const order = await retrieveOrder(req.scope, outcome.orderId);
  if (!order) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Order of cart ${cartId} was not found`);

  res.status(outcome.created ? 201 : 200).json({ order, created: outcome.created });
}
