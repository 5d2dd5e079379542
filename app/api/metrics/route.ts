import { NextResponse } from "next/server";
import { withRoute } from "@/server/http/route-handler";
import { getMetricsText, metricsAccess } from "@/server/metrics/get-metrics-text";

export const dynamic = "force-dynamic";

// GET /api/metrics – Prometheus text format for a scraper with `Authorization: Bearer $METRICS_TOKEN`.
// Without METRICS_TOKEN configured the endpoint does not exist (404); a wrong token gets 401.
export const GET = withRoute("metrics", async (request) => {
  const access = metricsAccess(request.headers.get("authorization"));
  const noStore = { "cache-control": "no-store" };
  if (access === "disabled")
    return NextResponse.json(
      { error: { code: "NOT_FOUND", message: "Not found." } },
      { status: 404, headers: noStore },
    );
  if (access === "denied")
    return NextResponse.json(
      { error: { code: "UNAUTHENTICATED", message: "Unknown metrics token." } },
      { status: 401, headers: { ...noStore, "www-authenticate": "Bearer" } },
    );
  const { contentType, text } = await getMetricsText();

  return new NextResponse(text, { headers: { ...noStore, "content-type": contentType } });
});
