import {
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";

// The TanStack Table features the pricing tables use: sorting and row selection only.
export const pricingTableFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

export type TPricingColumn<T extends RowData> = ColumnDef<typeof pricingTableFeatures, T>;
