import { readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";

// WCAG 2.0 and 2.1 at levels A and AA. Serious and critical violations fail a test; moderate and
// minor ones (and axe's best practices, which are not WCAG) are left to review.
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);

type TViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describeViolation(violation: TViolation): string {
  const nodes = violation.nodes.slice(0, 5).map((node) => {
    const summary = (node.failureSummary ?? "").split("\n").join("\n      ");

    return `    at ${node.target.join(" ")}\n      ${summary}`;
  });

  return [
    `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length} element(s))`,
    ...nodes,
  ].join("\n");
}

/** The serious and critical WCAG violations axe finds on the page as it is now, one readable entry each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();

  return results.violations
    .filter((violation) => violation.impact && FAILING_IMPACTS.has(violation.impact))
    .map(describeViolation);
}

/**
 * Every page route of the app, from `app/**\/page.tsx` ("/orders/[orderId]"; route groups such as
 * "(storefront)" are not part of the URL). Read from the file system so that a new page cannot be
 * added without an accessibility check.
 */
export function appPageRoutes(appDir = join(process.cwd(), "app")): string[] {
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file === "page.tsx" || file.endsWith(`${sep}page.tsx`))
    .map((file) => {
      const segments = file
        .split(sep)
        .slice(0, -1)
        .filter((segment) => !/^\(.*\)$/.test(segment));

      return `/${segments.join("/")}`;
    })
    .sort();
}
