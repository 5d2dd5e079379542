// Demo pictures and data sheets made locally: pictures are SVG drawings rasterised by sharp
// (Strapi's own image library), data sheets a one-page PDF written by hand with a standard font.
import sharp from "sharp";
import type { TDemoContent } from "./demo-content";

const SHAPES: Record<TDemoContent["shape"], (ink: string) => string> = {
  table: (ink) =>
    `<rect x="160" y="300" width="880" height="50" rx="8" fill="${ink}"/>` +
    `<rect x="220" y="350" width="36" height="330" fill="${ink}"/><rect x="944" y="350" width="36" height="330" fill="${ink}"/>`,
  cable: (ink) =>
    `<path d="M160 600 C 400 100, 800 800, 1040 300" stroke="${ink}" stroke-width="40" fill="none" stroke-linecap="round"/>` +
    `<rect x="120" y="570" width="90" height="70" rx="10" fill="${ink}"/><rect x="1000" y="260" width="90" height="70" rx="10" fill="${ink}"/>`,
  small: (ink) =>
    `<circle cx="600" cy="420" r="190" fill="${ink}"/><circle cx="600" cy="420" r="80" fill="#ffffff" opacity="0.5"/>`,
  arm: (ink) =>
    `<rect x="560" y="560" width="80" height="180" fill="${ink}"/>` +
    `<path d="M600 560 L 380 330 M600 560 L 820 330" stroke="${ink}" stroke-width="36" stroke-linecap="round"/>` +
    `<rect x="170" y="180" width="360" height="230" rx="12" fill="${ink}"/><rect x="670" y="180" width="360" height="230" rx="12" fill="${ink}"/>`,
  screen: (ink) =>
    `<rect x="200" y="200" width="800" height="360" rx="40" fill="${ink}"/>` +
    `<rect x="160" y="560" width="880" height="40" rx="8" fill="#3d3b38"/>`,
};

/** Two pictures of the product (1200 × 900 JPEG): a front view and a detail. */
export async function demoPictures(content: TDemoContent): Promise<Buffer[]> {
  const [base, ink] = content.palette;
  const views = [
    `<rect width="1200" height="900" fill="#f4f2ee"/>${SHAPES[content.shape](base)}`,
    `<rect width="1200" height="900" fill="${base}"/><g transform="translate(-300 -225) scale(1.5)">${SHAPES[content.shape](ink)}</g>`,
  ];

  return Promise.all(
    views.map((body) =>
      sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">${body}</svg>`))
        .jpeg({ quality: 82 })
        .toBuffer(),
    ),
  );
}

/** A one-page A4 PDF data sheet: the title, the introduction and the English specification table. */
export function demoDataSheet(content: TDemoContent): Buffer {
  const { title, intro, specifications } = content.en;
  const lines: [size: number, text: string][] = [
    [20, title],
    [11, `SKU ${content.sku} - data sheet`],
    [11, ""],
    [11, intro],
    [11, ""],
    ...specifications.map((row): [number, string] => [
      11,
      `${row.label}: ${row.value}${row.unit ? ` ${row.unit}` : ""}`,
    ]),
  ];
  let y = 780;
  const text = lines
    .map(([size, line]) => {
      const op = `BT /F1 ${size} Tf 56 ${y} Td (${pdfText(line)}) Tj ET`;
      y -= size + 10;

      return op;
    })
    .join("\n");

  return pdf(text);
}

// PDF strings in the standard fonts are Latin-1; anything else is spelled out plainly.
function pdfText(value: string): string {
  return value
    .replaceAll("–", "-")
    .replaceAll("×", "x")
    .replace(/[^\x20-\x7e\xa0-\xff]/g, "?")
    .replace(/[\\()]/g, (char) => `\\${char}`);
}

function pdf(contentStream: string): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(contentStream, "latin1")} >>\nstream\n${contentStream}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;

  return Buffer.from(body, "latin1");
}
