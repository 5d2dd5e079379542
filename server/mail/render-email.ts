import "server-only";

// Every email is a list of blocks rendered twice: to HTML (every string escaped here, in one
// place, so a template cannot forget) and to the plain-text part. Inline styles and tables only:
// mail clients ignore <style> sheets and most modern CSS.

export type TEmailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "button"; label: string; url: string }
  | { kind: "facts"; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: "note"; text: string };

export type TEmailContent = { subject: string; preheader: string; heading: string; blocks: TEmailBlock[] };

export type TRenderedEmail = { subject: string; html: string; text: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Only http(s) links reach a button: a `javascript:` or `data:` URL in data would be an attack. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`Refusing a ${parsed.protocol} link`);

  return parsed.toString();
}

const FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif";

function blockToHtml(block: TEmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px;font-size:15px;line-height:22px;color:#1e293b">${escapeHtml(block.text)}</p>`;
    case "note":
      return `<p style="margin:0 0 16px;font-size:13px;line-height:19px;color:#64748b">${escapeHtml(block.text)}</p>`;
    case "button":
      return (
        `<p style="margin:8px 0 24px"><a href="${escapeHtml(safeUrl(block.url))}" ` +
        `style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;font-weight:600;` +
        `font-size:15px;padding:12px 20px;border-radius:6px">${escapeHtml(block.label)}</a></p>`
      );
    case "facts":
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 20px;border-collapse:collapse">` +
        block.rows
          .map(
            ([label, value]) =>
              `<tr><td style="padding:4px 16px 4px 0;font-size:14px;color:#64748b">${escapeHtml(label)}</td>` +
              `<td style="padding:4px 0;font-size:14px;color:#0f172a;font-weight:600">${escapeHtml(value)}</td></tr>`,
          )
          .join("") +
        `</table>`
      );
  }
}

function blockToText(block: TEmailBlock): string {
  switch (block.kind) {
    case "paragraph":
    case "note":
      return block.text;
    case "button":
      return `${block.label}:\n${safeUrl(block.url)}`;
    case "facts": {
      const width = Math.max(...block.rows.map(([label]) => label.length));

      return block.rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join("\n");
    }
  }
}

export function renderEmail(content: TEmailContent): TRenderedEmail {
  const body = content.blocks.map(blockToHtml).join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;${FONT}">
<span style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9;padding:32px 12px">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;padding:32px">
<tr><td style="${FONT}">
<p style="margin:0 0 20px;font-size:12px;font-weight:700;letter-spacing:2px;color:#1d4ed8">TRADEPOST</p>
<h1 style="margin:0 0 20px;font-size:22px;line-height:28px;color:#0f172a">${escapeHtml(content.heading)}</h1>
${body}
</td></tr></table>
<p style="margin:16px 0 0;font-size:12px;color:#94a3b8;${FONT}">Sent by Tradepost. Please do not reply to this email.</p>
</td></tr></table>
</body></html>`;
  const text = [content.heading, "", ...content.blocks.map((block) => `${blockToText(block)}\n`), "— Tradepost"].join(
    "\n",
  );

  return { subject: content.subject, html, text };
}
