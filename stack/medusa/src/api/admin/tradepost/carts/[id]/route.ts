import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { MedusaError } from "@medusajs/framework/utils";
import { retrieveCart } from "../route";

// Authenticated by authenticateTradepost (src/api/middlewares.ts) instead of Medusa's own check.
export const AUTHENTICATE = false;

// GET /admin/tradepost/carts/:id – the cart with its lines (prices and metadata as stored).
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cart = await retrieveCart(req, req.params.id);
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${req.params.id} was not found`);

  res.json({ cart });
}
