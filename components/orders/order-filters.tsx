import Link from "next/link";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TOrderFilters } from "@/lib/orders/order-filters";
import { ORDER_STATUS, ORDER_STATUSES } from "@/lib/orders/order-status";

const buttonClass = "inline-flex h-10 items-center justify-center rounded-md px-4 text-sm font-medium";

/**
 * The organisation's order filters as a plain GET form: the URL holds them, so a filtered list
 * can be bookmarked and its CSV export is the same URL under /orders/export.
 */
export function OrderFilters({
  filters,
  fieldErrors,
  buyers,
  timeZone,
  exportHref,
}: {
  filters: TOrderFilters;
  fieldErrors: Record<string, string[]>;
  buyers: { id: string; name: string }[];
  timeZone: string;
  exportHref: string;
}) {
  return (
    <form method="get" action="/orders/organisation" className="rounded-xl border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <FormField id="filter-buyer" label="Buyer" errors={fieldErrors.buyer}>
          <Select name="buyer" defaultValue={filters.buyer ?? ""}>
            <option value="">Everyone</option>
            {buyers.map((buyer) => (
              <option key={buyer.id} value={buyer.id}>
                {buyer.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="filter-status" label="Status" errors={fieldErrors.status}>
          <Select name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            {ORDER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {ORDER_STATUS[status].label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="filter-from" label="Submitted from" errors={fieldErrors.from}>
          <Input type="date" name="from" defaultValue={filters.from ?? ""} />
        </FormField>
        <FormField id="filter-to" label="Submitted to" errors={fieldErrors.to}>
          <Input type="date" name="to" defaultValue={filters.to ?? ""} />
        </FormField>
        <FormField id="filter-po" label="PO number contains" errors={fieldErrors.po}>
          <Input name="po" defaultValue={filters.po ?? ""} maxLength={40} autoComplete="off" />
        </FormField>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={`${buttonClass} bg-brand-600 text-white hover:bg-brand-700`}>
          Apply filters
        </button>
        <Link href="/orders/organisation" className={`${buttonClass} text-slate-700 hover:bg-slate-100`}>
          Clear
        </Link>
        <p className="text-xs text-slate-500">Dates are days in your organisation&apos;s time zone ({timeZone}).</p>
        <a
          href={exportHref}
          className={`${buttonClass} ml-auto border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
          download
        >
          Export CSV
        </a>
      </div>
    </form>
  );
}
