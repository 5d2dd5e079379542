import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http";
import { ZAddPricedLineItem, ZCreateCart, ZUpdatePricedLineItem } from "./admin/tradepost/validators";
import { ZCompleteCheckout } from "./admin/tradepost/checkout-validators";

// Routes under /admin are authenticated by Medusa (Tradepost uses its secret API key).
export default defineMiddlewares({
  routes: [
    { matcher: "/admin/tradepost/carts", method: ["POST"], middlewares: [validateAndTransformBody(ZCreateCart)] },
    {
      matcher: "/admin/tradepost/carts/:id/line-items",
      method: ["POST"],
      middlewares: [validateAndTransformBody(ZAddPricedLineItem)],
    },
    {
      matcher: "/admin/tradepost/carts/:id/line-items/:lineId",
      method: ["POST"],
      middlewares: [validateAndTransformBody(ZUpdatePricedLineItem)],
    },
    {
      matcher: "/admin/tradepost/carts/:id/complete",
      method: ["POST"],
      middlewares: [validateAndTransformBody(ZCompleteCheckout)],
    },
  ],
});
