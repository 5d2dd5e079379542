"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { PublishDialog } from "@/components/portal/pricing/publish-dialog";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { TVersionState, TVersionStatus } from "@/lib/pricing/version-state";
import {
  approveVersionAction,
  createDraftAction,
  discardVersionAction,
  rejectVersionAction,
  rollbackToVersionAction,
  submitVersionAction,
  unscheduleVersionAction,
  withdrawVersionAction,
} from "@/server/actions/pricing-versions";

type TProps = {
  versionId: string;
  ruleSetId: string;
  number: number;
  status: TVersionStatus;
  state: TVersionState;
  requiresApproval: boolean;
  blocker: string | null;
  isSubmitter: boolean;
  canWrite: boolean;
  canPublish: boolean;
};

type TDialog = "publish" | "reject" | "discard" | "rollback" | null;

export function VersionActions(props: TProps) {
  const { versionId, ruleSetId, number, status, state, requiresApproval, blocker, isSubmitter, canWrite, canPublish } =
    props;
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  const [dialog, setDialog] = useState<TDialog>(null);
  const [reason, setReason] = useState("");
  const [reasonErrors, setReasonErrors] = useState<string[]>();
  const versionRef = { versionId };

  const buttons = [];
  if (status === "DRAFT" && canWrite && requiresApproval) {
    buttons.push(
      <Button
        key="submit"
        disabled={!!blocker}
        isLoading={isPending}
        onClick={() => run(() => submitVersionAction(versionRef), { success: "Submitted for approval." })}
      >
        Submit for approval
      </Button>,
    );
  }
  if ((status === "APPROVED" || (status === "DRAFT" && !requiresApproval)) && canPublish) {
    buttons.push(
      <Button key="publish" disabled={!!blocker} onClick={() => setDialog("publish")}>
        Publish…
      </Button>,
    );
  }
  if (status === "PENDING_APPROVAL" && canPublish && !isSubmitter) {
    buttons.push(
      <Button
        key="approve"
        isLoading={isPending}
        onClick={() => run(() => approveVersionAction(versionRef), { success: `Version ${number} approved.` })}
      >
        Approve
      </Button>,
    );
    buttons.push(
      <Button key="reject" variant="secondary" onClick={() => setDialog("reject")}>
        Reject…
      </Button>,
    );
  }
  if ((status === "PENDING_APPROVAL" || status === "APPROVED") && canWrite) {
    buttons.push(
      <Button
        key="withdraw"
        variant="secondary"
        isLoading={isPending}
        onClick={() => run(() => withdrawVersionAction(versionRef), { success: "Back to draft." })}
      >
        Back to draft
      </Button>,
    );
  }
  if (status !== "PUBLISHED" && canWrite)
    buttons.push(
      <Button key="discard" variant="ghost" onClick={() => setDialog("discard")}>
        Discard
      </Button>,
    );
  if (state === "scheduled" && canPublish) {
    buttons.push(
      <Button
        key="unschedule"
        variant="secondary"
        isLoading={isPending}
        onClick={() => run(() => unscheduleVersionAction(versionRef), { success: "Taken off the schedule." })}
      >
        Unschedule
      </Button>,
    );
  }
  if (state === "superseded" && canPublish)
    buttons.push(
      <Button key="rollback" variant="secondary" onClick={() => setDialog("rollback")}>
        Roll back to this version…
      </Button>,
    );
  if (state === "live" && canWrite) {
    buttons.push(
      <Button
        key="draft"
        isLoading={isPending}
        onClick={() =>
          run(() => createDraftAction({ ruleSetId }), {
            success: (data) => `Draft version ${data.number} started.`,
            onSuccess: (data) => router.push(`/portal/pricing/versions/${data.versionId}`),
          })
        }
      >
        Start a new draft
      </Button>,
    );
  }

  return (
    <div className="flex max-w-md flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">{buttons}</div>
      {blocker && status === "DRAFT" && (
        <p className="text-right text-sm text-amber-800" role="status">
          Cannot {requiresApproval ? "submit" : "publish"} yet: {blocker}
        </p>
      )}
      {status === "PENDING_APPROVAL" && isSubmitter && (
        <p className="text-right text-sm text-slate-600">Waiting for another data manager to approve.</p>
      )}

      <PublishDialog
        open={dialog === "publish"}
        onClose={() => setDialog(null)}
        versionId={versionId}
        number={number}
      />
      <Dialog
        open={dialog === "reject"}
        onClose={() => setDialog(null)}
        title={`Reject version ${number}?`}
        description="It goes back to draft; the reason is kept in the history."
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => rejectVersionAction({ versionId, reason }), {
              success: "Sent back to draft.",
              onSuccess: () => setDialog(null),
              onFailure: (result) => setReasonErrors(result.fieldErrors?.reason ?? [result.message]),
            });
          }}
        >
          <FormField id="reject-reason" label="What needs to change?" errors={reasonErrors}>
            <Input value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setDialog(null)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" isLoading={isPending}>
              Reject
            </Button>
          </div>
        </form>
      </Dialog>
      <Confirm
        open={dialog === "discard"}
        onClose={() => setDialog(null)}
        title={`Discard version ${number}?`}
        description="The draft is deleted; its rules stay readable in the audit log."
        label="Discard"
        danger
        isPending={isPending}
        onConfirm={() =>
          run(() => discardVersionAction(versionRef), {
            success: "Draft discarded.",
            onSuccess: () => router.push("/portal/pricing"),
          })
        }
      />
      <Confirm
        open={dialog === "rollback"}
        onClose={() => setDialog(null)}
        title={`Roll back to version ${number}?`}
        description={`Its rules are published again as a new version, live at once. The current live version stays in the history. This needs no approval: version ${number} was approved when it was first published.`}
        label="Roll back"
        isPending={isPending}
        onConfirm={() =>
          run(() => rollbackToVersionAction(versionRef), {
            success: (data) => `Version ${data.number} is live: a copy of version ${number}.`,
            onSuccess: (data) => router.push(`/portal/pricing/versions/${data.versionId}`),
          })
        }
      />
    </div>
  );
}

function Confirm({
  open,
  onClose,
  title,
  description,
  label,
  danger,
  isPending,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  label: string;
  danger?: boolean;
  isPending: boolean;
  onConfirm: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant={danger ? "danger" : "primary"} isLoading={isPending} onClick={onConfirm}>
          {label}
        </Button>
      </div>
    </Dialog>
  );
}
