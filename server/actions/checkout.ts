"use server";

import { revalidatePath } from "next/cache";
import { ZCheckoutInput } from "@/lib/checkout/checkout-input";
import { runAction } from "@/server/actions/run-action";
import { assertWithinRateLimit } from "@/server/integrations/assert-within-rate-limit";
import { submitCheckout } from "@/server/checkout/submit-checkout";
import { observeCheckout } from "@/server/metrics/observe";

// Checkout. The input never carries a price, total or shipping cost (the schema is strict):
// the server re-validates and prices everything, on the caller's own cart only.

export async function submitCheckoutAction(input: unknown) {
  return runAction({
    name: "submitCheckout",
    permission: "checkout.place",
    schema: ZCheckoutInput,
    input,
    run: async ({ user, input: data }) => {
      // A person does not submit 20 checkouts a minute; a script replaying the form does.
      await assertWithinRateLimit(`checkout:${user.id}`, 20, 60, "checkout attempts");
      const started = performance.now();
      try {
        const result = await submitCheckout(user, data);
        const outcome = result.outcome === "refused" && result.priceChanges.length ? "price_changed" : result.outcome;
        observeCheckout(outcome.replace("-", "_"), performance.now() - started);
        if (result.outcome !== "refused") revalidatePath("/cart");

        return result;
      } catch (error) {
        observeCheckout("failed", performance.now() - started);
        throw error;
      }
    },
  });
}
