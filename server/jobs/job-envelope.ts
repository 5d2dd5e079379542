import "server-only";
import { z } from "zod";

// What pg-boss stores as a job's data: the payload with the version of the definition that
// enqueued it and the correlation id of the request (or job) that caused it, so that the
// worker's logs, the Odoo and Medusa calls it makes and the sync log carry that id.

export const ZJobEnvelope = z.object({
  version: z.number().int().positive(),
  correlationId: z.string().max(80).nullable(),
  payload: z.unknown(),
});

export type TJobEnvelope = z.infer<typeof ZJobEnvelope>;
