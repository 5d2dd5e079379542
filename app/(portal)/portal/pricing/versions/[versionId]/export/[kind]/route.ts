import { z } from "zod";
import { AppError } from "@/lib/errors";
import { RULE_KINDS } from "@/lib/pricing/rules";
import { requireUser } from "@/server/auth/session";
import { withRoute } from "@/server/http/route-handler";
import { exportRules } from "@/server/pricing/export-rules";

const ZParams = z.object({ versionId: z.uuid(), kind: z.enum(RULE_KINDS) });

/** GET: one rule kind of a version as CSV (data managers). */
export const GET = withRoute(
  "pricing.export",
  async (_request, { params }: { params: Promise<{ versionId: string; kind: string }> }) => {
    await requireUser("pricing.read");
    const parsed = ZParams.safeParse(await params);
    if (!parsed.success) throw new AppError("NOT_FOUND", "No such version or rule kind.");
    const { filename, csv } = await exportRules(parsed.data);

    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
