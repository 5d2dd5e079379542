import { Badge } from "@/components/ui/badge";
import { ORDER_STATUS, type TOrderStatus } from "@/lib/orders/order-status";

export function OrderStatusBadge({ status }: { status: TOrderStatus }) {
  const { label, tone } = ORDER_STATUS[status];

  return <Badge tone={tone}>{label}</Badge>;
}
