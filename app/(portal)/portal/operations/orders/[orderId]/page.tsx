import { notFound } from "next/navigation";
import { z } from "zod";
import { LiveRefresh } from "@/components/operations/live-refresh";
import { Timeline } from "@/components/operations/timeline";
import { PageHeader } from "@/components/portal/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/server/auth/session";
import { getOrderTimeline } from "@/server/operations/get-order-timeline";

export const metadata = { title: "Order timeline" };
export const dynamic = "force-dynamic";

export default async function OrderTimelinePage({ params }: { params: Promise<{ orderId: string }> }) {
  await requirePageUser("operations.read");
  const orderId = z.uuid().safeParse((await params).orderId);
  if (!orderId.success) notFound();
  const timeline = await getOrderTimeline(orderId.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { order, links, events } = timeline;

  return (
    <>
      <PageHeader
        title={`Order ${order.reference}`}
        description={`${order.organisation.name}${order.poNumber ? ` · PO ${order.poNumber}` : ""} · every step across Tradepost, Medusa, the job queue and Odoo`}
        actions={<LiveRefresh renderedAt={new Date().toISOString()} />}
      />
      <Card className="mb-6 grid gap-4 p-4 text-sm sm:grid-cols-4">
        <div>
          <div className="text-slate-500">Status</div>
          <div className="font-medium">{order.status.toLowerCase().replaceAll("_", " ")}</div>
        </div>
        <div>
          <div className="text-slate-500">Push to Odoo</div>
          <Badge
            tone={order.pushStatus === "PUSHED" ? "success" : order.pushStatus === "FAILED" ? "danger" : "neutral"}
          >
            {order.pushStatus.toLowerCase()}
          </Badge>
          {order.lastPushError && order.pushStatus !== "PUSHED" ? (
            <div className="mt-1 text-xs break-words text-slate-600" data-testid="last-push-error">
              Last attempt: {order.lastPushError}
            </div>
          ) : null}
        </div>
        <div>
          <div className="text-slate-500">Odoo order</div>
          <div className="font-mono">
            {order.odooOrderName ?? "—"}
            {order.odooState ? ` (${order.odooState})` : ""}
          </div>
        </div>
        <div>
          <div className="text-slate-500">Links</div>
          <div className="font-mono text-xs">
            {links.length
              ? links.map((link) => (
                  <div key={link.id}>
                    {link.system} {link.entityType}: {link.externalId}
                  </div>
                ))
              : "—"}
          </div>
        </div>
      </Card>
      <Timeline events={events} />
    </>
  );
}
