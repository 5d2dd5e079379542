import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderSource, OrderStatus, PushStatus } from "@/generated/prisma/enums";

// The shape of a row in every order list (own, organisation's, the CSV export).

export const ORDER_LIST_SELECT = {
  id: true,
  reference: true,
  buyerId: true,
  status: true,
  pushStatus: true,
  source: true,
  submittedAt: true,
  placedAt: true,
  poNumber: true,
  odooOrderName: true,
  currency: true,
  subtotalMinor: true,
  shippingMinor: true,
  taxMinor: true,
  totalMinor: true,
  _count: { select: { lines: true } },
} as const satisfies Prisma.OrderSelect;

export type TOrderListItem = {
  id: string;
  reference: string;
  status: OrderStatus;
  pushStatus: PushStatus;
  source: OrderSource;
  submittedAt: Date;
  placedAt: Date | null;
  poNumber: string | null;
  odooOrderName: string | null;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  lineCount: number;
  buyerId: string | null;
  buyerName: string | null;
  buyerEmail: string | null;
};

export type TOrderPage = { orders: TOrderListItem[]; page: number; pageCount: number; total: number };

type TRow = Prisma.OrderGetPayload<{ select: typeof ORDER_LIST_SELECT }>;

export function toOrderListItem(row: TRow, people: Map<string, { name: string; email: string }>): TOrderListItem {
  const { _count, ...order } = row;
  const buyer = order.buyerId ? people.get(order.buyerId) : undefined;

  return { ...order, lineCount: _count.lines, buyerName: buyer?.name ?? null, buyerEmail: buyer?.email ?? null };
}
