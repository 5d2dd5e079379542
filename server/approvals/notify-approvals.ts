import "server-only";
import type { Prisma } from "@/generated/prisma/client";

export type TApprovalNotice = {
  orderId: string;
  decision: "NEXT_STEP" | "APPROVED" | "REJECTED" | "EXPIRED";
  decider?: { name: string };
  comment?: string | null;
};

/**
 * Where approval emails are enqueued, in the transaction of the decision (outbox): "approval
 * requested" to the deciders of the next step, "approval decided" to the buyer.
 * The email job (issue 14) has not landed yet: the app shows every status meanwhile.
 */
export async function notifyApprovalProgress(tx: Prisma.TransactionClient, notice: TApprovalNotice): Promise<void> {
  void tx;
  void notice;
}
