"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CancelJobButton } from "@/components/operations/cancel-job-dialog";
import { describeOutput, formatTime } from "@/components/operations/format";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { replayDeadLettersAction } from "@/server/actions/operations";
import type { TDeadLetter } from "@/server/operations/find-dead-letters";

/** Dead letters with their payload, error, attempts and sync-log runs; replay one, several, or cancel. */
export function DeadLetterTable({ deadLetters, canReplay }: { deadLetters: TDeadLetter[]; canReplay: boolean }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();
  const [selected, setSelected] = useState<string[]>([]);
  const replay = (ids: string[]) =>
    run(() => replayDeadLettersAction(ids), {
      success: ({ replayed, skipped }) =>
        `${replayed} replayed${skipped ? `, ${skipped} already replayed or blocked by a job with the same key` : ""}.`,
      onSuccess: () => {
        setSelected([]);
        router.refresh();
      },
    });
  if (deadLetters.length === 0)
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        No dead letters.
      </p>
    );

  return (
    <div className="space-y-2">
      {canReplay && (
        <div className="flex items-center gap-2 text-sm">
          <Button size="sm" disabled={!selected.length} isLoading={isPending} onClick={() => replay(selected)}>
            Replay selected ({selected.length})
          </Button>
        </div>
      )}
      <Table aria-label="Dead letters">
        <THead>
          <tr>
            {canReplay && (
              <Th className="w-8">
                <span className="sr-only">Select</span>
              </Th>
            )}
            <Th>Dead-lettered</Th>
            <Th>Job</Th>
            <Th>Error</Th>
            <Th className="text-right">Attempts</Th>
            <Th>Details</Th>
            {canReplay && <Th className="text-right">Actions</Th>}
          </tr>
        </THead>
        <TBody>
          {deadLetters.map((letter) => (
            <tr key={letter.id} data-dead-letter={letter.id} className="align-top">
              {canReplay && (
                <Td>
                  <input
                    type="checkbox"
                    aria-label={`Select dead letter ${letter.id}`}
                    checked={selected.includes(letter.id)}
                    onChange={(event) =>
                      setSelected(
                        event.target.checked ? [...selected, letter.id] : selected.filter((id) => id !== letter.id),
                      )
                    }
                  />
                </Td>
              )}
              <Td className="whitespace-nowrap tabular-nums">{formatTime(letter.deadLetteredAt)}</Td>
              <Td>
                <div className="font-mono text-xs">{letter.queue}</div>
                {letter.orderId && (
                  <Link
                    className="text-xs text-brand-700 underline"
                    href={`/portal/operations/orders/${letter.orderId}`}
                  >
                    Order timeline
                  </Link>
                )}
              </Td>
              <Td className="max-w-md text-red-800">{describeOutput(letter.error)}</Td>
              <Td className="text-right tabular-nums">{letter.attempts}</Td>
              <Td className="max-w-md">
                <details>
                  <summary className="cursor-pointer text-xs text-slate-600">Payload, runs, ids</summary>
                  <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                    {JSON.stringify(letter.payload, null, 2)}
                  </pre>
                  <p className="mt-1 text-xs text-slate-500">
                    Correlation id: <span className="font-mono">{letter.correlationId ?? "—"}</span>
                  </p>
                  <ul className="mt-1 space-y-1 text-xs">
                    {letter.runs.map((attempt) => (
                      <li key={attempt.startedAt.toISOString() + attempt.kind}>
                        {formatTime(attempt.startedAt)} · {attempt.kind} · {attempt.outcome.toLowerCase()}
                        {attempt.error && <span className="text-red-700"> — {attempt.error}</span>}
                      </li>
                    ))}
                  </ul>
                </details>
              </Td>
              {canReplay && (
                <Td className="text-right">
                  <div className="flex justify-end gap-2">
                    <Button size="sm" isLoading={isPending} onClick={() => replay([letter.id])}>
                      Replay
                    </Button>
                    <CancelJobButton jobId={letter.id} label="Discard" />
                  </div>
                </Td>
              )}
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
