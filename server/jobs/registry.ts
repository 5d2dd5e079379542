import "server-only";
import { expireApprovalRequestsJob } from "@/server/jobs/definitions/expire-approval-requests";
import { processInboundDeliveryJob } from "@/server/jobs/definitions/process-inbound-delivery";
import { pruneIntegrationHistoryJob } from "@/server/jobs/definitions/prune-integration-history";
import { pruneLoginAttemptsJob } from "@/server/jobs/definitions/prune-login-attempts";
import { pushAddressChangeRequestJob } from "@/server/jobs/definitions/push-address-change-request";
import { pushOrderToOdooJob } from "@/server/jobs/definitions/push-order-to-odoo";
import { recoverCheckoutJob } from "@/server/jobs/definitions/recover-checkout";
import { reconcileOdooJob } from "@/server/jobs/definitions/reconcile-odoo";
import { reconcileProductContentJob } from "@/server/jobs/definitions/reconcile-product-content";
import { recordHealthJob } from "@/server/jobs/definitions/record-health";
import { reportDriftJob } from "@/server/jobs/definitions/report-drift";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import type { TJobDefinition } from "@/server/jobs/job-definition";

/** Every job the worker runs. Each gets its queue and dead-letter queue at start. */
export const JOBS: readonly TJobDefinition[] = [
  pruneLoginAttemptsJob,
  pruneIntegrationHistoryJob,
  processInboundDeliveryJob,
  reconcileOdooJob,
  reportDriftJob,
  pushOrderToOdooJob,
  recordHealthJob,
  sendEmailJob,
  pushAddressChangeRequestJob,
  expireApprovalRequestsJob,
  recoverCheckoutJob,
  reconcileProductContentJob,
];
