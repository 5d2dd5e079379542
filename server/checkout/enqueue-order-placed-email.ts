import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { enqueue } from "@/server/jobs/enqueue";

export type TPlacedOrderForEmail = {
  id: string;
  reference: string;
  totalMinor: number;
  currency: string;
  lines: { position: number; description: string; quantity: number }[];
};
export type TOrderPlacedRecipient = { email: string; name: string; isActive: boolean } | null;

// The template's limits (server/mail/templates.ts): a longer text or list would fail the payload
// check and with it the transaction that places the order — an email is never worth that.
const MAX_LINES = 100;
const MAX_DESCRIPTION = 300;

/**
 * Queues "order placed" to the buyer in the transaction that records the placed order (outbox):
 * the email exists if and only if the order does, once per order because only the recording
 * transaction calls it. A buyer who is gone or deactivated gets nothing (they cannot open the order).
 */
export async function enqueueOrderPlacedEmail(
  tx: Prisma.TransactionClient,
  order: TPlacedOrderForEmail,
  buyer: TOrderPlacedRecipient,
): Promise<void> {
  if (!buyer?.isActive) return;
  const lines = [...order.lines]
    .sort((a, b) => a.position - b.position)
    .slice(0, MAX_LINES)
    .map((line) => {
      const text = line.description.trim() || "Item";
      const description = text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;

      return { description, quantity: line.quantity };
    });
  await enqueue(tx, sendEmailJob, {
    template: "order-placed",
    to: buyer.email,
    data: {
      buyerName: buyer.name,
      orderReference: order.reference,
      totalMinor: order.totalMinor,
      currency: order.currency,
      lines,
      orderPath: `/orders/${order.id}`,
    },
  });
}
