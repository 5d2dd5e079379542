import { CursorTable } from "@/components/operations/cursor-table";
import { LatencyChart } from "@/components/operations/latency-chart";
import { LiveRefresh } from "@/components/operations/live-refresh";
import { MinuteChart } from "@/components/operations/minute-chart";
import { QueueTable } from "@/components/operations/queue-table";
import { SystemStatus } from "@/components/operations/system-status";
import { UnpushedBanner } from "@/components/operations/unpushed-banner";
import { PageHeader } from "@/components/portal/page-header";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/server/auth/session";
import { getOperationsOverview } from "@/server/operations/get-operations-overview";

export const metadata = { title: "Operations" };
export const dynamic = "force-dynamic";

const JOB_SERIES = [
  { key: "completed", label: "Completed", color: "#059669" },
  { key: "failed", label: "Failed for good", color: "#dc2626" },
  { key: "cancelled", label: "Cancelled", color: "#94a3b8" },
];
const DELIVERY_SERIES = [
  { key: "processed", label: "Processed", color: "#059669" },
  { key: "accepted", label: "Accepted (pending)", color: "#2563eb" },
  { key: "duplicate", label: "Duplicate", color: "#a3a3a3" },
  { key: "rejected", label: "Rejected", color: "#f59e0b" },
  { key: "failed", label: "Failed", color: "#dc2626" },
];

export default async function OperationsOverviewPage() {
  await requirePageUser("operations.read");
  const overview = await getOperationsOverview();

  return (
    <>
      <PageHeader
        title="Operations"
        description="Is everything reaching Odoo and Medusa? Systems, queues, webhooks and reconciliation."
        actions={<LiveRefresh renderedAt={overview.checkedAt.toISOString()} />}
      />
      <UnpushedBanner unpushed={overview.unpushed} />
      <div className="space-y-6">
        <SystemStatus systems={overview.systems} />
        <div className="grid gap-4 xl:grid-cols-3">
          <Card className="p-4">
            <LatencyChart data={overview.latencyHistory} />
          </Card>
          <Card className="p-4">
            <MinuteChart title="Jobs per minute" data={overview.jobsPerMinute} series={JOB_SERIES} />
          </Card>
          <Card className="p-4">
            <MinuteChart
              title="Webhook deliveries per minute"
              data={overview.deliveriesPerMinute}
              series={DELIVERY_SERIES}
            />
          </Card>
        </div>
        <QueueTable queues={overview.queues} />
        <CursorTable cursors={overview.cursors} drift={overview.drift} />
      </div>
    </>
  );
}
