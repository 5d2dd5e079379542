import "server-only";
import { z } from "zod";
import type { OdooClient } from "@/server/odoo/client";
import { withAppErrors } from "@/server/odoo/to-app-error";

// mail.activity: a to-do in Odoo's chatter, here for the salesperson who keeps a customer's
// addresses. Odoo has no idempotency key, so each activity carries our reference in its summary
// and is looked up by it before it is created (a retried job finds the one it made).

const ZActivity = z.object({ id: z.number().int() });
const ZModel = z.object({ id: z.number().int(), model: z.string() });

export type TPartnerActivityInput = {
  partnerId: number;
  /** Ours, unique per request: "[Tradepost ACR-…]" is put in front of the summary. */
  reference: string;
  summary: string;
  /** Plain text; Odoo stores the note as HTML, so it is escaped and line breaks kept. */
  note: string;
  dueInDays: number;
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`).replaceAll("\n", "<br>");

/** Creates the to-do on the partner unless one with our reference exists; returns its id. Idempotent. */
export function createPartnerActivity(client: OdooClient, input: TPartnerActivityInput): Promise<{ id: number }> {
  return withAppErrors(async () => {
    const tag = `[Tradepost ${input.reference}]`;
    const [existing] = await client.searchRead("mail.activity", ["id"], ZActivity, {
      domain: [
        ["res_model", "=", "res.partner"],
        ["res_id", "=", input.partnerId],
        ["summary", "=like", `${tag}%`],
      ],
      limit: 1,
    });
    if (existing) return { id: existing.id };
    const [model] = await client.searchRead("ir.model", ["model"], ZModel, {
      domain: [["model", "=", "res.partner"]],
      limit: 1,
    });
    const due = new Date(Date.now() + input.dueInDays * 86_400_000).toISOString().slice(0, 10);
    const [id] = await client.create("mail.activity", {
      res_model_id: model?.id ?? false,
      res_id: input.partnerId,
      summary: `${tag} ${input.summary}`.slice(0, 250),
      note: `<p>${escapeHtml(input.note)}</p>`,
      date_deadline: due,
    });
    if (id === undefined) throw new Error("Odoo created no activity");

    return { id };
  });
}
