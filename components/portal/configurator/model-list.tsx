"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { createConfiguratorModelAction } from "@/server/actions/configurator";
import type { TModelListEntry } from "@/server/configurator/find-configurator-models";

export function ModelList({ entries, canWrite }: { entries: TModelListEntry[]; canWrite: boolean }) {
  const router = useRouter();
  const { run, isPending } = useActionRunner();

  return (
    <Table>
      <THead>
        <tr>
          <Th>Product</Th>
          <Th>Variants</Th>
          <Th>Model</Th>
          <Th>Live since</Th>
          <Th className="text-right">Edit</Th>
        </tr>
      </THead>
      <TBody>
        {entries.map((entry) => (
          <tr key={entry.handle} data-testid="model-row">
            <Td>
              <span className="font-medium text-slate-900">{entry.title}</span>{" "}
              {entry.configurable && <Badge tone="brand">Made to order</Badge>}
              <div className="font-mono text-xs text-slate-500">{entry.handle}</div>
            </Td>
            <Td>{entry.variants}</Td>
            <Td>
              {entry.model ? (
                <>
                  {entry.model.liveNumber ? (
                    <Badge tone="success">Version {entry.model.liveNumber} live</Badge>
                  ) : (
                    <Badge>Not published</Badge>
                  )}{" "}
                  {entry.model.draft && <Badge tone="warning">Draft {entry.model.draft.number}</Badge>}
                </>
              ) : (
                <span className="text-slate-500">None</span>
              )}
            </Td>
            <Td>{formatDateTime(entry.model?.liveSince ?? null)}</Td>
            <Td className="text-right">
              {entry.model ? (
                <Link
                  href={`/portal/configurator/versions/${entry.model.draft?.id ?? entry.model.latestId}`}
                  className="text-sm font-medium text-brand-700 hover:underline"
                >
                  Open
                </Link>
              ) : (
                canWrite && (
                  <Button
                    size="sm"
                    variant="secondary"
                    isLoading={isPending}
                    onClick={() =>
                      run(() => createConfiguratorModelAction({ productHandle: entry.handle }), {
                        success: "Model created as a draft.",
                        onSuccess: (data) => router.push(`/portal/configurator/versions/${data.versionId}`),
                      })
                    }
                  >
                    Create model
                  </Button>
                )
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
