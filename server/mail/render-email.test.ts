import { describe, expect, it } from "vitest";
import { escapeHtml, renderEmail } from "@/server/mail/render-email";

describe("renderEmail", () => {
  it("escapes every string in the HTML part and keeps the plain-text part readable", () => {
    const email = renderEmail({
      subject: "Hi <b>there</b>",
      preheader: "pre",
      heading: `Acme "R&D" <script>alert(1)</script>`,
      blocks: [
        { kind: "paragraph", text: "<img src=x onerror=alert(1)>" },
        {
          kind: "facts",
          rows: [
            ["Order", "TP-000001"],
            ["Total", "€1,200.00"],
          ],
        },
        { kind: "button", label: "Open", url: "https://shop.example/orders/1?a=1&b=2" },
      ],
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("Acme &quot;R&amp;D&quot; &lt;script&gt;");
    expect(email.html).toContain('href="https://shop.example/orders/1?a=1&amp;b=2"');
    expect(email.text).toContain("<img src=x onerror=alert(1)>");
    expect(email.text).toContain("Order: TP-000001\nTotal: €1,200.00");
    expect(email.text).toContain("Open:\nhttps://shop.example/orders/1?a=1&b=2");
  });

  it("refuses a button whose link is not http(s)", () => {
    expect(() =>
      renderEmail({
        subject: "s",
        preheader: "p",
        heading: "h",
        blocks: [{ kind: "button", label: "x", url: "javascript:alert(1)" }],
      }),
    ).toThrow(/javascript:/);
  });

  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
