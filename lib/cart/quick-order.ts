import Papa from "papaparse";

// Quick order: rows of "SKU, quantity" pasted or uploaded, with or without a header,
// separated by commas, semicolons or tabs. Reading is pure; the server decides what the
// SKUs are and what they cost.

export type TQuickOrderRow = { row: number; sku: string; quantity: number };
export type TQuickOrderProblem = { row: number; sku: string; reason: string };

const MAX_ROWS = 500;

export function readQuickOrder(text: string): { rows: TQuickOrderRow[]; problems: TQuickOrderProblem[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, "").trim(), {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
  });
  const records = parsed.data;
  const hasHeader = records[0] !== undefined && /^sku$/i.test((records[0][0] ?? "").trim());
  const rows: TQuickOrderRow[] = [];
  const problems: TQuickOrderProblem[] = [];
  records.slice(hasHeader ? 1 : 0).forEach((record, index) => {
    const row = index + (hasHeader ? 2 : 1);
    const sku = (record[0] ?? "").trim();
    const quantityText = (record[1] ?? "1").trim() || "1";
    if (rows.length + problems.length >= MAX_ROWS) {
      if (rows.length + problems.length === MAX_ROWS)
        problems.push({ row, sku, reason: `At most ${MAX_ROWS} rows at once; the rest were not read.` });

      return;
    }
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(sku))
      problems.push({ row, sku, reason: sku ? "This is not a SKU." : "The SKU is missing." });
    else if (!/^\d{1,6}$/.test(quantityText) || Number(quantityText) < 1 || Number(quantityText) > 100_000)
      problems.push({ row, sku, reason: "The quantity must be a whole number from 1 to 100,000." });
    else rows.push({ row, sku, quantity: Number(quantityText) });
  });

  return { rows, problems };
}
