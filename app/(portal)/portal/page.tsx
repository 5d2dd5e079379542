import Link from "next/link";
import { PageHeader } from "@/components/portal/page-header";
import { Card } from "@/components/ui/card";
import { portalNavigation } from "@/server/auth/portal-navigation";
import { requirePageUser } from "@/server/auth/session";

export const metadata = { title: "Portal" };

const DESCRIPTIONS: Record<string, string> = {
  "/portal/organisation": "Your organisation's buyers and administrators: who can order, who is active.",
  "/portal/organisations": "Customer organisations, their members and their status.",
  "/portal/mappings": "How our records link to Medusa and Odoo records.",
  "/portal/audit": "Who changed what, and when.",
};

export default async function PortalHomePage() {
  const user = await requirePageUser("portal.access");
  const sections = portalNavigation(user.role).filter((item) => item.href !== "/portal");

  return (
    <>
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description="Choose where to go." />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {sections.map((section) => (
          <Link key={section.href} href={section.href}>
            <Card className="h-full p-5 transition hover:border-brand-500 hover:shadow-md">
              <h2 className="font-semibold text-slate-900">{section.label}</h2>
              <p className="mt-1 text-sm text-slate-600">{DESCRIPTIONS[section.href]}</p>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
