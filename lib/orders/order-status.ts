// How order states read to a buyer: one label and one tone per state, the same on every page
// and in the CSV export. The unions mirror Prisma's enums (lib/ is pure and does not import the
// generated client); a state added there fails type-checking where these records are indexed.

export type TTone = "neutral" | "brand" | "success" | "warning" | "danger";

export const ORDER_STATUSES = ["PENDING_APPROVAL", "PLACED", "RETURNED", "REJECTED", "EXPIRED", "CANCELLED"] as const;

export type TOrderStatus = (typeof ORDER_STATUSES)[number];
export type TPushStatus = "NOT_APPLICABLE" | "QUEUED" | "PUSHED" | "FAILED";
export type TOrderSource = "CHECKOUT" | "SALES_REP";
export type TApprovalStepStatus = "WAITING" | "APPROVED" | "REJECTED";

export const ORDER_STATUS: Record<TOrderStatus, { label: string; tone: TTone; explanation: string }> = {
  PENDING_APPROVAL: {
    label: "Awaiting approval",
    tone: "warning",
    explanation: "This is an approval request: nothing is ordered until it is approved.",
  },
  PLACED: { label: "Placed", tone: "success", explanation: "The order is placed." },
  RETURNED: {
    label: "Returned to the buyer",
    tone: "warning",
    explanation: "Prices changed while it waited for approval. Check the new prices and submit it again.",
  },
  REJECTED: { label: "Rejected", tone: "danger", explanation: "The approval request was rejected." },
  EXPIRED: {
    label: "Expired",
    tone: "neutral",
    explanation: "Nobody decided on this approval request in time. Submit it again if you still need it.",
  },
  CANCELLED: { label: "Cancelled", tone: "neutral", explanation: "The order was cancelled." },
};

export const PUSH_STATUS: Record<TPushStatus, string> = {
  NOT_APPLICABLE: "—",
  QUEUED: "Being sent to our ERP",
  PUSHED: "In our ERP",
  FAILED: "Not yet in our ERP (our team is on it)",
};

export const ORDER_SOURCE: Record<TOrderSource, string> = {
  CHECKOUT: "Online",
  SALES_REP: "Sales representative",
};

export const APPROVAL_STEP_STATUS: Record<TApprovalStepStatus, { label: string; tone: TTone }> = {
  WAITING: { label: "Waiting", tone: "warning" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
};

export const ROLE_LABEL: Record<string, string> = {
  BUYER: "buyer",
  APPROVER: "an approver",
  ORG_ADMIN: "an organisation admin",
};

/**
 * What the buyer reads as the ERP reference: Odoo's order name once the push has landed,
 * otherwise where it stands. Null when the order never goes to the ERP (not placed).
 */
export function erpReferenceText(order: {
  status: TOrderStatus;
  pushStatus: TPushStatus;
  odooOrderName: string | null;
}): string | null {
  if (order.odooOrderName) return `ERP reference ${order.odooOrderName}`;
  if (order.status !== "PLACED") return null;
  if (order.pushStatus === "FAILED") return "Not yet in our ERP — our team has been told";

  return "Being sent to our ERP";
}
