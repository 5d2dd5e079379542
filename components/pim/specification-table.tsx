import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { TPimSpecificationRow } from "@/lib/pim/types";

export function SpecificationTable({ rows }: { rows: TPimSpecificationRow[] }) {
  return (
    <Table aria-label="Specifications" data-testid="specifications">
      <THead>
        <tr>
          <Th>Property</Th>
          <Th>Value</Th>
          <Th>Unit</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row, index) => (
          <tr key={index}>
            <Th scope="row" className="font-medium text-slate-900 normal-case">
              {row.label}
            </Th>
            <Td className="tabular-nums">{row.value}</Td>
            <Td className="text-slate-500">{row.unit ?? ""}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
