import "server-only";
import { z } from "zod";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/pricing/units";
import type { TEmailBlock, TEmailContent } from "@/server/mail/render-email";

// The emails Tradepost sends, each with the data it needs (checked when it is enqueued and again
// by the worker). Links inside the app are given as paths ("/orders/…") and made absolute with
// APP_URL by the worker, so a payload cannot point a button at another site. Invitation and
// password-reset links are never in a payload: the worker signs them from the row's id
// (server/auth/link-token.ts), so the job table holds nothing that opens an account.

const ZName = z.string().trim().min(1).max(160);
const ZReference = z.string().trim().min(1).max(40);
const ZAppPath = z.string().regex(/^\/(?!\/)[^\s]*$/, "must be a path inside the app, e.g. /orders/TP-000123");
const ZCurrency = z.string().regex(/^[A-Z]{3}$/);
const ZRole = z.enum(["BUYER", "APPROVER", "ORG_ADMIN"]);

export const ZEmailTemplateData = {
  invitation: z.object({
    invitationId: z.uuid(),
    organisationName: ZName,
    inviterName: ZName,
    role: ZRole,
    expiresAt: z.iso.datetime(),
  }),
  "approval-requested": z.object({
    approverName: ZName,
    buyerName: ZName,
    orderReference: ZReference,
    totalMinor: z.number().int().nonnegative(),
    currency: ZCurrency,
    /** Why it needs approval, in plain words ("Over Anna's monthly limit of €5,000.00"). */
    reasons: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
    reviewPath: ZAppPath,
  }),
  "approval-decided": z.object({
    buyerName: ZName,
    orderReference: ZReference,
    decision: z.enum(["APPROVED", "REJECTED"]),
    deciderName: ZName,
    comment: z.string().trim().max(2000).nullish(),
    orderPath: ZAppPath,
  }),
  "order-placed": z.object({
    buyerName: ZName,
    orderReference: ZReference,
    totalMinor: z.number().int().nonnegative(),
    currency: ZCurrency,
    lines: z
      .array(z.object({ description: z.string().trim().min(1).max(300), quantity: z.number().int().positive() }))
      .max(100)
      .default([]),
    orderPath: ZAppPath,
  }),
  "order-shipped": z.object({
    buyerName: ZName,
    orderReference: ZReference,
    trackingNumber: z.string().trim().min(1).max(120),
    carrier: z.string().trim().max(120).nullish(),
    trackingUrl: z.url({ protocol: /^https?$/ }).nullish(),
    orderPath: ZAppPath,
  }),
  "password-reset": z.object({
    resetId: z.uuid(),
    name: ZName,
    expiresAt: z.iso.datetime(),
  }),
} as const;

export type TEmailTemplate = keyof typeof ZEmailTemplateData;
export type TEmailTemplateData<T extends TEmailTemplate> = z.infer<(typeof ZEmailTemplateData)[T]>;

export type TTemplateContext = {
  /** APP_URL + path. */
  appLink: (path: string) => string;
  invitationLink: (invitationId: string) => string;
  passwordResetLink: (resetId: string) => string;
};

const ROLE_LABEL = { BUYER: "Buyer", APPROVER: "Approver", ORG_ADMIN: "Organisation administrator" } as const;

const facts = (...rows: (readonly [string, string] | null)[]): TEmailBlock => ({
  kind: "facts",
  rows: rows.filter((row): row is readonly [string, string] => row !== null),
});

export const EMAIL_TEMPLATES: {
  [T in TEmailTemplate]: (data: TEmailTemplateData<T>, context: TTemplateContext) => TEmailContent;
} = {
  invitation: (data, context) => ({
    subject: `You are invited to ${data.organisationName} on Tradepost`,
    preheader: `${data.inviterName} invited you to order for ${data.organisationName}.`,
    heading: `Join ${data.organisationName} on Tradepost`,
    blocks: [
      {
        kind: "paragraph",
        text: `${data.inviterName} invited you to order for ${data.organisationName} on Tradepost.`,
      },
      facts(["Organisation", data.organisationName], ["Your role", ROLE_LABEL[data.role]]),
      { kind: "button", label: "Accept the invitation", url: context.invitationLink(data.invitationId) },
      {
        kind: "note",
        text:
          `The link works once and until ${formatDateTime(data.expiresAt)}. ` +
          "If you did not expect this invitation, you can ignore this email.",
      },
    ],
  }),
  "approval-requested": (data, context) => ({
    subject: `Approval needed: order ${data.orderReference} by ${data.buyerName}`,
    preheader: `${data.buyerName} placed an order of ${formatMoney(data.totalMinor, data.currency)} that needs you.`,
    heading: "An order is waiting for your approval",
    blocks: [
      { kind: "paragraph", text: `Hello ${data.approverName}, ${data.buyerName} placed an order that needs approval.` },
      facts(
        ["Order", data.orderReference],
        ["Buyer", data.buyerName],
        ["Total", formatMoney(data.totalMinor, data.currency)],
      ),
      ...data.reasons.map((reason): TEmailBlock => ({ kind: "paragraph", text: `• ${reason}` })),
      { kind: "button", label: "Review the order", url: context.appLink(data.reviewPath) },
    ],
  }),
  "approval-decided": (data, context) => {
    const approved = data.decision === "APPROVED";

    return {
      subject: `Order ${data.orderReference} ${approved ? "approved" : "rejected"}`,
      preheader: `${data.deciderName} ${approved ? "approved" : "rejected"} your order ${data.orderReference}.`,
      heading: approved ? "Your order was approved" : "Your order was rejected",
      blocks: [
        {
          kind: "paragraph",
          text: approved
            ? `Hello ${data.buyerName}, ${data.deciderName} approved your order ${data.orderReference}. It is now placed.`
            : `Hello ${data.buyerName}, ${data.deciderName} rejected your order ${data.orderReference}. It will not be placed.`,
        },
        ...(data.comment ? [facts(["Comment", data.comment])] : []),
        { kind: "button", label: "View the order", url: context.appLink(data.orderPath) },
      ],
    };
  },
  "order-placed": (data, context) => ({
    subject: `Order ${data.orderReference} placed`,
    preheader: `We have your order ${data.orderReference} of ${formatMoney(data.totalMinor, data.currency)}.`,
    heading: "Thank you for your order",
    blocks: [
      { kind: "paragraph", text: `Hello ${data.buyerName}, we have your order ${data.orderReference}.` },
      facts(
        ["Order", data.orderReference],
        ...data.lines.map((line) => [line.description, `× ${line.quantity}`] as const),
        ["Total", formatMoney(data.totalMinor, data.currency)],
      ),
      { kind: "button", label: "View the order", url: context.appLink(data.orderPath) },
    ],
  }),
  "order-shipped": (data, context) => ({
    subject: `Order ${data.orderReference} shipped — tracking ${data.trackingNumber}`,
    preheader: `Your order ${data.orderReference} is on its way. Tracking number ${data.trackingNumber}.`,
    heading: "Your order is on its way",
    blocks: [
      { kind: "paragraph", text: `Hello ${data.buyerName}, your order ${data.orderReference} has shipped.` },
      facts(["Order", data.orderReference], data.carrier ? ["Carrier", data.carrier] : null, [
        "Tracking number",
        data.trackingNumber,
      ]),
      ...(data.trackingUrl
        ? [
            { kind: "button", label: "Track the parcel", url: data.trackingUrl } as const,
            { kind: "note", text: `Order details: ${context.appLink(data.orderPath)}` } as const,
          ]
        : [{ kind: "button", label: "View the order", url: context.appLink(data.orderPath) } as const]),
    ],
  }),
  "password-reset": (data, context) => ({
    subject: "Reset your Tradepost password",
    preheader: "Someone asked to reset the password of your Tradepost account.",
    heading: "Reset your password",
    blocks: [
      { kind: "paragraph", text: `Hello ${data.name}, someone asked to reset the password of your Tradepost account.` },
      { kind: "button", label: "Choose a new password", url: context.passwordResetLink(data.resetId) },
      {
        kind: "note",
        text:
          `The link works once and until ${formatDateTime(data.expiresAt)}. ` +
          "If you did not ask for this, ignore this email: your password stays as it is.",
      },
    ],
  }),
};
