"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/server/actions/run-action";
import { reorder } from "@/server/orders/reorder";

// Orders after they are placed. The order id is the only input; the use case reads the order
// within what the caller may see (not found otherwise) and prices every line itself.

const ZReorderInput = z.object({ orderId: z.string().max(64) }).strict();

export async function reorderAction(input: unknown) {
  return runAction({
    name: "reorder",
    permission: "cart.manage",
    schema: ZReorderInput,
    input,
    run: async ({ user, input: data }) => {
      const result = await reorder(user, data.orderId);
      revalidatePath("/cart");

      return result;
    },
  });
}
