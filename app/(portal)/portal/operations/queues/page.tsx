import { DeadLetterTable } from "@/components/operations/dead-letter-table";
import { LiveRefresh } from "@/components/operations/live-refresh";
import { PendingJobsTable } from "@/components/operations/pending-jobs-table";
import { QueueTable } from "@/components/operations/queue-table";
import { PageHeader } from "@/components/portal/page-header";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { findDeadLetters } from "@/server/operations/find-dead-letters";
import { findPendingJobs } from "@/server/operations/find-pending-jobs";
import { findQueueStats } from "@/server/operations/find-queue-stats";

export const metadata = { title: "Queues and dead letters" };
export const dynamic = "force-dynamic";

export default async function QueuesPage() {
  const user = await requirePageUser("operations.read");
  const canAct = hasPermission(user.role, "operations.replay");
  const [queues, pending, deadLetters] = await Promise.all([findQueueStats(), findPendingJobs(), findDeadLetters()]);

  return (
    <>
      <PageHeader
        title="Queues and dead letters"
        description="Background jobs by state; jobs that gave up wait here until they are replayed or discarded."
        actions={<LiveRefresh renderedAt={new Date().toISOString()} />}
      />
      <div className="space-y-8">
        <QueueTable queues={queues} />
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">Dead letters ({deadLetters.length})</h2>
          <DeadLetterTable deadLetters={deadLetters} canReplay={canAct} />
        </section>
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">Retrying and running</h2>
          <PendingJobsTable jobs={pending} canAct={canAct} />
        </section>
      </div>
    </>
  );
}
