import "server-only";
import { logger } from "@/server/logger";
import { isJsonContentType } from "@/server/integrations/odoo-webhook-request";
import { hitRateLimit } from "@/server/integrations/rate-limit";
import { readLimitedBody } from "@/server/integrations/read-limited-body";
import { recordInboundDelivery } from "@/server/integrations/record-inbound-delivery";

export type TWebhookRefusal = "not-found" | "too-large" | "unsupported-media-type" | "invalid" | "rate-limited";

export type TWebhookRejection = {
  status: "rejected";
  refusal: TWebhookRefusal;
  message: string;
  retryAfterSeconds?: number;
};

export type TScreenedDelivery =
  | {
      ok: true;
      /** The body, decoded as UTF-8. */
      text: string;
      /** The body as kept in the inbox. */
      recorded: string;
      /** Records the delivery as rejected for a reason found after screening (its envelope). */
      reject: (refusal: TWebhookRefusal, reason: string) => Promise<TWebhookRejection>;
    }
  | { ok: false; rejection: TWebhookRejection };

const utf8 = new TextDecoder("utf-8", { fatal: true });
// PostgreSQL text cannot hold NUL; a body is kept for operators, so such bytes are shown replaced.
const printable = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replaceAll("\u0000", "\uFFFD");

/**
 * The checks every webhook receiver makes before it reads the envelope, in this order: the
 * sender's authentication (decided by the caller: a URL token, a secret header), the rate limit
 * (a separate, unrecorded one for unauthenticated deliveries: a flood of forged requests must not
 * fill the inbox), the size, `checkBody` (e.g. a signature over the raw bytes; its reason refuses
 * the delivery as not found), a JSON content type and UTF-8. Every refusal but the unrecorded
 * flood is recorded in the inbox with its reason.
 */
export async function screenWebhookDelivery(
  source: string,
  request: { headers: Headers; body: ReadableStream<Uint8Array> | null },
  { maxBytes, ratePerSecond }: { maxBytes: number; ratePerSecond: number },
  sender: {
    /** Whether the sender proved who it is; else `unauthenticatedReason` is recorded. */
    authenticated: boolean;
    unauthenticatedReason: string;
    checkBody?: (bytes: Uint8Array) => string | null;
  },
): Promise<TScreenedDelivery> {
  const { headers } = request;
  const read = await readLimitedBody(request.body, maxBytes, headers.get("content-length"));
  const recorded = read.ok ? printable(read.bytes) : "";
  const reject = async (refusal: TWebhookRefusal, reason: string): Promise<TWebhookRejection> => {
    await recordInboundDelivery({ source, headers, body: recorded, verdict: "rejected", reason });

    return { status: "rejected", refusal, message: reason };
  };
  const refuse = async (refusal: TWebhookRefusal, reason: string) =>
    ({ ok: false, rejection: await reject(refusal, reason) }) as const;

  if (!sender.authenticated) {
    const refused = await hitRateLimit(`${source}:refused`, ratePerSecond);
    if (!refused.allowed) {
      if (refused.count === ratePerSecond + 1)
        logger.warn({ source }, "unauthenticated webhooks beyond the rate limit: not recorded this second");

      return {
        ok: false,
        rejection: { status: "rejected", refusal: "not-found", message: sender.unauthenticatedReason },
      };
    }

    return refuse("not-found", sender.unauthenticatedReason);
  }
  const limit = await hitRateLimit(source, ratePerSecond);
  if (!limit.allowed) {
    const { rejection } = await refuse(
      "rate-limited",
      `Rate limit of ${ratePerSecond} deliveries per second exceeded.`,
    );

    return { ok: false, rejection: { ...rejection, retryAfterSeconds: limit.retryAfterSeconds } };
  }
  if (!read.ok) return refuse("too-large", `Body larger than ${maxBytes} bytes.`);
  const bodyProblem = sender.checkBody?.(read.bytes);
  if (bodyProblem) return refuse("not-found", bodyProblem);
  if (!isJsonContentType(headers.get("content-type")))
    return refuse(
      "unsupported-media-type",
      `Content type must be application/json, not ${headers.get("content-type") ?? "none"}.`.slice(0, 200),
    );
  try {
    return { ok: true, text: utf8.decode(read.bytes), recorded, reject };
  } catch {
    return refuse("invalid", "The body is not UTF-8 text.");
  }
}
