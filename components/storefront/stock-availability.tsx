import { Badge } from "@/components/ui/badge";
import type { TAvailability } from "@/lib/erp/stock-availability";

export type TAvailabilityView = Pick<TAvailability, "kind" | "label">;

const TONES = { in_stock: "success", made_to_order: "brand", back_soon: "warning", out_of_stock: "danger" } as const;

/** A SKU's availability from the ERP cache ("In stock: 12", "Back in stock soon" …); nothing when unknown. */
export function StockAvailability({ availability }: { availability: TAvailabilityView | undefined }) {
  if (!availability) return null;

  return (
    <p className="text-sm" data-testid="stock-availability" data-kind={availability.kind}>
      <Badge tone={TONES[availability.kind]}>{availability.label}</Badge>
    </p>
  );
}
