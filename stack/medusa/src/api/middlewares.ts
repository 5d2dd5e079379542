import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http";
import { authenticateTradepost } from "./admin/tradepost/authenticate-tradepost";
import { ZAddPricedLineItem, ZCreateCart, ZUpdatePricedLineItem } from "./admin/tradepost/validators";
import { ZCompleteCheckout } from "./admin/tradepost/checkout-validators";

// Tradepost's routes opt out of Medusa's authentication (`AUTHENTICATE = false` in each route file)
// and use authenticateTradepost instead: the same check of the secret API key, remembered for 30 s.
// It comes first wherever a body is validated, so an unauthenticated call gets 401, never a 400.
export default defineMiddlewares({
  routes: [
    { matcher: "/admin/tradepost*", middlewares: [authenticateTradepost] },
    {
      matcher: "/admin/tradepost/carts",
      method: ["POST"],
      middlewares: [authenticateTradepost, validateAndTransformBody(ZCreateCart)],
    },
    {
      matcher: "/admin/tradepost/carts/:id/line-items",
      method: ["POST"],
      middlewares: [authenticateTradepost, validateAndTransformBody(ZAddPricedLineItem)],
    },
    {
      matcher: "/admin/tradepost/carts/:id/line-items/:lineId",
      method: ["POST"],
      middlewares: [authenticateTradepost, validateAndTransformBody(ZUpdatePricedLineItem)],
    },
    {
      matcher: "/admin/tradepost/carts/:id/complete",
      method: ["POST"],
      middlewares: [authenticateTradepost, validateAndTransformBody(ZCompleteCheckout)],
    },
  ],
});
