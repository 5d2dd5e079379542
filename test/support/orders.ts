// Orders written straight into the database, as checkout (or the sales-rep import) would leave
// them, for the tests of what is read after the order: the order pages, lists, export, reorder.
import type { PrismaClient } from "../../generated/prisma/client";
import type { ApprovalStepStatus, OrderSource, OrderStatus, PushStatus, Role } from "../../generated/prisma/enums";

export type TSeedLine = {
  sku: string;
  title: string;
  description?: string;
  quantity: number;
  unitPriceMinor: number;
  configuration?: Record<string, unknown> | null;
  breakdown?: { type: string; label: string; amountMinor: number }[];
};

export type TSeedOrder = {
  organisationId: string;
  buyerId: string | null;
  status?: OrderStatus;
  source?: OrderSource;
  pushStatus?: PushStatus;
  poNumber?: string | null;
  notes?: string | null;
  submittedAt?: Date;
  currency?: string;
  shippingMinor?: number;
  odooOrderName?: string | null;
  decisionReason?: string | null;
  approvalExpiresAt?: Date | null;
  lines?: TSeedLine[];
  approvalSteps?: {
    reason: string;
    requiredRole: Role;
    status: ApprovalStepStatus;
    decidedById?: string;
    decidedAt?: Date;
    comment?: string;
  }[];
};

export const SCREEN_LINE: TSeedLine = {
  sku: "ACC-SCREEN-1600",
  title: "Acoustic Desk Screen",
  description: "1600 mm",
  quantity: 4,
  unitPriceMinor: 9_000,
  breakdown: [
    { type: "base", label: "List price", amountMinor: 10_900 },
    { type: "contract", label: "Acme contract −10 %", amountMinor: -1_090 },
  ],
};

export const TABLE_LINE: TSeedLine = {
  sku: "TBL-ATELIER-WALNUT",
  title: "Atelier Made-to-Measure Table",
  description: "Top Walnut · Width 1800 mm · Depth 800 mm · Legs Oak · Cable port",
  quantity: 2,
  unitPriceMinor: 121_050,
  configuration: { top: "walnut", width_mm: 1800, depth_mm: 800, legs: "oak", cable_port: true },
  breakdown: [
    { type: "base", label: "Base price", amountMinor: 99_000 },
    { type: "surcharge", label: "Walnut top", amountMinor: 22_050 },
  ],
};

/** One order with its lines (and approval steps), totals computed from the lines, 21 % tax. */
export async function seedOrder(db: PrismaClient, order: TSeedOrder) {
  const [row] = await db.$queryRaw<{ next: bigint }[]>`SELECT nextval('order_reference_seq') AS next`;
  const lines = order.lines ?? [SCREEN_LINE];
  const subtotal = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  const shipping = order.shippingMinor ?? 2_500;
  const tax = Math.round((subtotal + shipping) * 0.21);
  const status = order.status ?? "PLACED";
  const submittedAt = order.submittedAt ?? new Date();

  return db.order.create({
    data: {
      reference: `TP-${String(row!.next).padStart(6, "0")}`,
      organisationId: order.organisationId,
      buyerId: order.buyerId,
      source: order.source ?? "CHECKOUT",
      status,
      pushStatus: order.pushStatus ?? (status === "PLACED" ? "QUEUED" : "NOT_APPLICABLE"),
      odooOrderName: order.odooOrderName ?? null,
      currency: order.currency ?? "EUR",
      subtotalMinor: subtotal,
      shippingMinor: shipping,
      taxMinor: tax,
      totalMinor: subtotal + shipping + tax,
      shippingAddress: {
        name: "Acme Interiors — Warehouse",
        street: "Industrieweg 12",
        zip: "3542 AD",
        city: "Utrecht",
        countryCode: "NL",
      },
      carrierName: "DHL Freight",
      poNumber: order.poNumber ?? null,
      notes: order.notes ?? null,
      requestedDeliveryDate: new Date("2027-01-15"),
      paymentTermName: "30 days net",
      approvalExpiresAt: order.approvalExpiresAt ?? null,
      decisionReason: order.decisionReason ?? null,
      submittedAt,
      placedAt: status === "PLACED" ? submittedAt : null,
      lines: {
        create: lines.map((line, index) => ({
          position: index + 1,
          sku: line.sku,
          title: line.title,
          description: line.description ?? "",
          quantity: line.quantity,
          unitPriceMinor: line.unitPriceMinor,
          lineTotalMinor: line.unitPriceMinor * line.quantity,
          configuration: (line.configuration ?? undefined) as never,
          breakdown: line.breakdown ?? [],
        })),
      },
      approvalSteps: {
        create: (order.approvalSteps ?? []).map((step, index) => ({ position: index + 1, ...step })),
      },
    },
  });
}
