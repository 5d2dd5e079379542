import "server-only";
import type { TSessionUser } from "@/server/auth/session";
import { placeApprovedOrder } from "@/server/checkout/place-approved-order";

export type TPlacementOutcome = { status: "PLACED" | "RETURNED" | "PENDING"; message: string };

/**
 * The one seam between the last approval and checkout's placement (placeApprovedOrder, which is
 * idempotent): re-validates the locked prices and places the order in Medusa, or returns it to the
 * buyer with the differences. Called after the approval's transaction committed, never inside one.
 */
export async function placeAfterApproval({
  orderId,
  actor,
}: {
  orderId: string;
  actor: TSessionUser;
}): Promise<TPlacementOutcome> {
  void actor; // placement acts for the buyer; the approver is in the approval's audit entry
  const result = await placeApprovedOrder(orderId);
  if (result.outcome === "placed") return { status: "PLACED", message: `approved and placed as ${result.reference}.` };

  return { status: "RETURNED", message: `approved, but sent back to the buyer. ${result.reason}` };
}
