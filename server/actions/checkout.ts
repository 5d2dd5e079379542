"use server";

import { revalidatePath } from "next/cache";
import { ZCheckoutInput } from "@/lib/checkout/checkout-input";
import { runAction } from "@/server/actions/run-action";
import { submitCheckout } from "@/server/checkout/submit-checkout";

// Checkout. The input never carries a price, total or shipping cost (the schema is strict):
// the server re-validates and prices everything, on the caller's own cart only.

export async function submitCheckoutAction(input: unknown) {
  return runAction({
    name: "submitCheckout",
    permission: "checkout.place",
    schema: ZCheckoutInput,
    input,
    run: async ({ user, input: data }) => {
      const result = await submitCheckout(user, data);
      if (result.outcome !== "refused") revalidatePath("/cart");

      return result;
    },
  });
}
