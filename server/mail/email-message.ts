import "server-only";
import { z } from "zod";
import { ZEmailTemplateData } from "@/server/mail/templates";

const ZRecipient = z.email().max(254);
const message = <T extends keyof typeof ZEmailTemplateData>(template: T) =>
  z.object({ template: z.literal(template), to: ZRecipient, data: ZEmailTemplateData[template] }).strict();

/** One email to send: the template, the recipient and the template's data. */
export const ZEmailMessage = z.discriminatedUnion("template", [
  message("invitation"),
  message("approval-requested"),
  message("approval-decided"),
  message("order-placed"),
  message("order-shipped"),
  message("password-reset"),
]);

export type TEmailMessage = z.infer<typeof ZEmailMessage>;
