import { toCsv, type TCsvValue } from "@/lib/orders/csv";
import { ORDER_SOURCE, ORDER_STATUS, type TOrderSource, type TOrderStatus } from "@/lib/orders/order-status";
import { formatAmount } from "@/lib/pricing/units";

// One row per order. Amounts are decimals in the order's currency (its own column), never
// formatted money: a spreadsheet sums them. Times are UTC, as stored.

export type TOrderCsvRow = {
  reference: string;
  submittedAt: Date;
  placedAt: Date | null;
  status: TOrderStatus;
  source: TOrderSource;
  buyerName: string | null;
  buyerEmail: string | null;
  poNumber: string | null;
  odooOrderName: string | null;
  lineCount: number;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
};

export const ORDERS_CSV_HEADER = [
  "Reference",
  "Submitted (UTC)",
  "Placed (UTC)",
  "Status",
  "Source",
  "Buyer",
  "Buyer email",
  "PO number",
  "ERP reference",
  "Lines",
  "Currency",
  "Subtotal",
  "Shipping",
  "Tax",
  "Total",
] as const;

const utc = (date: Date | null) => (date ? date.toISOString().slice(0, 19).replace("T", " ") : null);

export function ordersCsv(rows: readonly TOrderCsvRow[]): string {
  return toCsv(
    ORDERS_CSV_HEADER,
    rows.map((row): TCsvValue[] => {
      const amount = (minor: number) => ({ number: formatAmount(minor, row.currency) });

      return [
        row.reference,
        utc(row.submittedAt),
        utc(row.placedAt),
        ORDER_STATUS[row.status].label,
        ORDER_SOURCE[row.source],
        row.buyerName,
        row.buyerEmail,
        row.poNumber,
        row.odooOrderName,
        { number: String(row.lineCount) },
        row.currency,
        amount(row.subtotalMinor),
        amount(row.shippingMinor),
        amount(row.taxMinor),
        amount(row.totalMinor),
      ];
    }),
  );
}
