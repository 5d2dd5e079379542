import { NextResponse } from "next/server";
import { checkHealth } from "@/server/health/check-health";
import { withRoute } from "@/server/http/route-handler";

export const dynamic = "force-dynamic";

// GET /api/health – reachability of the database, Medusa and Odoo. Public (for load
// balancers and monitors), so it reports states and latencies only, never configuration.
export const GET = withRoute("health", async () => {
  const health = await checkHealth();

  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
