import "server-only";
import type { TJobContext } from "@/server/jobs/job-definition";

// Placeholder until the order-push work lands (being written now): fails the job, which retries.
export async function pushOrderToOdoo(payload: { orderId: string }, context: TJobContext): Promise<void> {
  void context;
  throw new Error(`Order push not available yet (order ${payload.orderId})`);
}
