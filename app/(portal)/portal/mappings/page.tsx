import Link from "next/link";
import { PageHeader } from "@/components/portal/page-header";
import { Pagination } from "@/components/shared/pagination";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { EXTERNAL_ENTITY_TYPES, EXTERNAL_SYSTEMS } from "@/lib/integrations/external-link";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { findExternalLinks } from "@/server/integrations/find-external-links";
import { z } from "zod";

export const metadata = { title: "ID mappings" };

const ZQuery = z.object({
  system: z.enum(EXTERNAL_SYSTEMS).optional().catch(undefined),
  entityType: z.enum(EXTERNAL_ENTITY_TYPES).optional().catch(undefined),
  q: z.string().trim().max(120).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export default async function MappingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("operations.read");
  const query = ZQuery.parse(await searchParams);
  const result = await findExternalLinks(query);

  return (
    <>
      <PageHeader
        title="ID mappings"
        description={`${result.total} link${result.total === 1 ? "" : "s"} between Tradepost records and Medusa, Odoo and the PIM.`}
      />
      <form className="mb-4 flex flex-wrap gap-2" action="/portal/mappings">
        <select
          name="system"
          defaultValue={query.system ?? ""}
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
          aria-label="System"
        >
          <option value="">All systems</option>
          {EXTERNAL_SYSTEMS.map((system) => (
            <option key={system}>{system}</option>
          ))}
        </select>
        <select
          name="entityType"
          defaultValue={query.entityType ?? ""}
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
          aria-label="Entity type"
        >
          <option value="">All entity types</option>
          {EXTERNAL_ENTITY_TYPES.map((type) => (
            <option key={type}>{type}</option>
          ))}
        </select>
        <input
          name="q"
          defaultValue={query.q}
          placeholder="Our id or external id"
          className="h-9 w-64 rounded-md border border-slate-300 px-3 text-sm"
          aria-label="Search ids"
        />
        <button className="h-9 rounded-md bg-brand-600 px-4 text-sm font-medium text-white">Filter</button>
      </form>
      {result.rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          No links yet. They appear as organisations, products and orders are synced.
        </p>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>Entity</Th>
              <Th>Our id</Th>
              <Th>System</Th>
              <Th>External id</Th>
              <Th>Last synced</Th>
            </tr>
          </THead>
          <TBody>
            {result.rows.map((row) => (
              <tr key={row.id}>
                <Td>{row.entityType}</Td>
                <Td className="font-mono text-xs">
                  {row.entityType === "order" ? (
                    <Link className="text-brand-700 underline" href={`/portal/operations/orders/${row.localId}`}>
                      {row.localId}
                    </Link>
                  ) : (
                    row.localId
                  )}
                </Td>
                <Td>
                  <Badge tone="brand">{row.system}</Badge>
                </Td>
                <Td className="font-mono text-xs">{row.externalId}</Td>
                <Td>{formatDateTime(row.syncedAt)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <div className="mt-4">
        <Pagination
          page={result.page}
          pageCount={result.pageCount}
          params={{ system: query.system, entityType: query.entityType, q: query.q }}
        />
      </div>
    </>
  );
}
