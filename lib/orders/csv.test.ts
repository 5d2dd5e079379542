import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/orders/csv";

describe("csvCell", () => {
  it("quotes fields with commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('12" screen')).toBe('"12"" screen"');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("cr\r")).toBe('"cr\r"');
    expect(csvCell(null)).toBe("");
  });

  it("keeps text that a spreadsheet would run as a formula as text", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+31 20 123")).toBe("'+31 20 123");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tTAB")).toBe("'\tTAB");
    expect(csvCell("PO-=1")).toBe("PO-=1");
  });

  it("leaves numbers we formatted alone, negative ones included", () => {
    expect(csvCell({ number: "-12.50" })).toBe("-12.50");
    expect(csvCell({ number: "1234.00" })).toBe("1234.00");
  });
});

describe("toCsv", () => {
  it("reads back as the same cells", () => {
    const text = toCsv(
      ["A", "B"],
      [
        ["x,y", 'say "hi"\nthen go'],
        [null, { number: "3.10" }],
      ],
    );
    expect(text.endsWith("\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: "\r\n" });
    expect(parsed.data).toEqual([
      ["A", "B"],
      ["x,y", 'say "hi"\nthen go'],
      ["", "3.10"],
    ]);
  });
});
