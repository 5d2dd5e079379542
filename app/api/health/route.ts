import { NextResponse } from "next/server";
import { getHealth } from "@/server/health/get-health";
import { getHealthAccess } from "@/server/health/get-health-access";
import { toPublicHealth } from "@/server/health/public-health";
import { withRoute } from "@/server/http/route-handler";

export const dynamic = "force-dynamic";

// GET /api/health – is the database, Medusa and Odoo up? Public (load balancers, monitors): ok/down per
// system only, from a result shared for ~5 s. Latencies, versions and failure kinds for an operator's
// session or `Authorization: Bearer $HEALTH_DETAILS_TOKEN`; any other bearer token gets 401.
export const GET = withRoute("health", async (request) => {
  const access = await getHealthAccess(request);
  if (access === "wrong-token") {
    return NextResponse.json(
      { error: { code: "UNAUTHENTICATED", message: "Unknown health token." } },
      { status: 401, headers: { "www-authenticate": "Bearer", "cache-control": "no-store" } },
    );
  }
  const health = await getHealth();
  const body = access === "details" ? health : toPublicHealth(health);

  return NextResponse.json(body, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
