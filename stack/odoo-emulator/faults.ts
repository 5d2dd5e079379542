// Fault injection: what a real Odoo does on a bad day, on demand. Rules match a call by
// model/method (or everything) and apply with a probability and an optional count.
import { z } from "zod";
import type { TWebhookFaults } from "./webhooks";

export const ZFaultRule = z
  .object({
    kind: z.enum(["error", "latency", "timeout", "commit_then_drop", "outage"]),
    model: z.string().min(1).optional(),
    method: z.string().min(1).optional(),
    /** error: the HTTP status (500 = Odoo server error, 503/502 = proxy pages, 429 = rate limit). */
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(429)]).default(500),
    /** error: raise this Odoo exception instead (a permanent refusal, e.g. ValidationError 422), with `message`. */
    exception: z.enum(["ValidationError", "UserError", "AccessError"]).optional(),
    message: z.string().min(1).max(500).optional(),
    /** latency: added delay; timeout: how long to hold the request before dropping it. */
    delayMs: z.number().int().min(0).max(600_000).default(0),
    /** outage: how long every request (even /web/version) is refused. */
    durationMs: z.number().int().min(1).max(3_600_000).optional(),
    /**
     * timeout: Odoo finishes the call after all (commits at the end of `delayMs`) although the
     * client has given up — what a real server does with a slow request whose client timed out.
     */
    commit: z.boolean().default(false),
    /**
     * latency: calls this rule matches that touch the same products (sale orders' lines) run one at
     * a time, as action_confirms on the same stock.quant rows do in Odoo; one that had to wait then
     * sleeps up to `conflictBackoffMs` (uniformly), as Odoo's retry after a SerializationFailure does
     * (random.uniform(0, 2 ** 1) s).
     */
    exclusive: z.boolean().default(false),
    conflictBackoffMs: z.number().int().min(0).max(60_000).default(2_000),
    rate: z.number().min(0).max(1).default(1),
    count: z.number().int().min(1).optional(),
  })
  .strict();

export type TFaultRule = z.infer<typeof ZFaultRule> & {
  id: number;
  until?: number;
  /** exclusive latency: per product, the last call holding or waiting for it. */
  rowLocks?: Map<number, Promise<void>>;
};

export const ZWebhookFaults = z
  .object({ drop: z.boolean().default(false), delayMs: z.number().int().min(0).max(600_000).default(0) })
  .strict();

export class Faults {
  private rules: TFaultRule[] = [];
  private nextId = 1;
  private webhooks: TWebhookFaults = { drop: false, delayMs: 0 };

  add(input: unknown): TFaultRule {
    const rule: TFaultRule = { ...ZFaultRule.parse(input), id: this.nextId++ };
    if (rule.kind === "outage") rule.until = Date.now() + (rule.durationMs ?? 10_000);
    this.rules.push(rule);

    return rule;
  }

  setWebhookFaults(input: unknown): TWebhookFaults {
    this.webhooks = ZWebhookFaults.parse(input);

    return this.webhooks;
  }

  webhookFaults(): TWebhookFaults {
    return this.webhooks;
  }

  clear(): void {
    this.rules = [];
    this.webhooks = { drop: false, delayMs: 0 };
  }

  list() {
    return { rules: this.rules, webhooks: this.webhooks };
  }

  /** An outage in force refuses every request, whatever it is for. */
  outage(): TFaultRule | undefined {
    this.rules = this.rules.filter((rule) => rule.kind !== "outage" || (rule.until ?? 0) > Date.now());

    return this.rules.find((rule) => rule.kind === "outage");
  }

  /** The fault to apply to one call, if any (each matching rule draws its probability once). */
  pick(model: string, method: string): TFaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.kind === "outage") continue;
      if ((rule.model && rule.model !== model) || (rule.method && rule.method !== method)) continue;
      if (Math.random() >= rule.rate) continue;
      if (rule.count !== undefined) {
        rule.count -= 1;
        if (rule.count <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
      }

      return rule;
    }

    return undefined;
  }
}

/** "kind=error,status=503,model=sale.order,method=create,rate=0.5,count=3" (the --fault flag). */
export function parseFaultFlag(flag: string): unknown {
  const entries = flag.split(",").map((part) => part.split("=").map((item) => item.trim()) as [string, string]);

  return Object.fromEntries(
    entries.map(([key, value]) => [key, /^\d+(\.\d+)?$/.test(value ?? "") ? Number(value) : value]),
  );
}
