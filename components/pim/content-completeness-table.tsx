import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { TContentCompletenessRow, TContentIssue } from "@/server/pim/find-content-completeness";

const LABELS: Record<TContentIssue, string> = {
  "no-content": "No content",
  "draft-only": "Draft only",
  "missing-locale": "Missing language",
  "no-image": "No picture",
  "no-data-sheet": "No data sheet",
};
const LANGUAGES: Record<string, string> = { de: "German" };

export function ContentCompletenessTable({ rows }: { rows: TContentCompletenessRow[] }) {
  return (
    <Table aria-label="Product content">
      <THead>
        <tr>
          <Th>Product</Th>
          <Th>SKU in the PIM</Th>
          <Th>Content</Th>
          <Th className="text-right">Strapi</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.handle} data-testid="content-row">
            <Td className="font-medium text-slate-900">{row.title}</Td>
            <Td className="font-mono text-xs">{row.sku ?? "—"}</Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {row.issues.length === 0 && <Badge tone="success">Complete</Badge>}
                {row.issues.map(({ issue, detail }) => (
                  <Badge key={`${issue}${detail ?? ""}`} tone={issue === "no-content" ? "danger" : "warning"}>
                    {issue === "missing-locale" && detail ? `No ${LANGUAGES[detail] ?? detail} version` : LABELS[issue]}
                  </Badge>
                ))}
              </div>
              {row.issues[0]?.issue === "no-content" && row.issues[0].detail && (
                <p className="mt-1 text-xs text-slate-500">{row.issues[0].detail}</p>
              )}
            </Td>
            <Td className="text-right">
              <a href={row.editUrl} target="_blank" rel="noreferrer" className="text-brand-600 hover:underline">
                {row.sku ? "Edit" : "Create"}
              </a>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
