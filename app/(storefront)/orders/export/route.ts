import { readOrderFilters } from "@/lib/orders/order-filters";
import { requireUser } from "@/server/auth/session";
import { withRoute } from "@/server/http/route-handler";
import { exportOrganisationOrdersCsv } from "@/server/orders/export-organisation-orders-csv";

/**
 * GET /orders/export?buyer=…&status=…&from=…&to=…&po=… → the organisation's orders matching the
 * same filters as the list, as a CSV download. Org admins and approvers only; filters that do
 * not parse are ignored, as on the list.
 */
export const GET = withRoute("orders.export", async (request) => {
  const user = await requireUser("orders.read-own-organisation");
  const { filters } = readOrderFilters(Object.fromEntries(request.nextUrl.searchParams));
  const { csv } = await exportOrganisationOrdersCsv(user, filters);
  const today = new Date().toISOString().slice(0, 10);

  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names with accents).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${today}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
