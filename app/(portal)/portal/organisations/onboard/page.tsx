import { OdooCompanyTable } from "@/components/portal/onboarding/odoo-company-table";
import { PageHeader } from "@/components/portal/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { isAppError } from "@/lib/errors";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { findOdooCompanies, type TOdooCompanyCandidate } from "@/server/organisations/find-odoo-companies";

export const metadata = { title: "Onboard from Odoo" };

export default async function OnboardOrganisationPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePageUser("organisations.read");
  const query = ((await searchParams).q ?? "").trim().slice(0, 80);
  let companies: TOdooCompanyCandidate[] = [];
  let problem = "";
  if (query.length >= 2) {
    try {
      companies = await findOdooCompanies(query);
    } catch (error) {
      if (!isAppError(error)) throw error;
      problem = `Odoo could not be searched just now (${error.message}). Try again in a moment.`;
    }
  }

  return (
    <>
      <PageHeader
        title="Onboard an organisation from Odoo"
        description="Find the customer's company in Odoo by name, reference or VAT number, then create its organisation here."
      />
      <form method="get" className="mb-6 flex max-w-xl gap-2" role="search">
        <Input name="q" defaultValue={query} placeholder="Company name, reference or VAT" aria-label="Search Odoo" />
        <Button type="submit" className="shrink-0">
          Search Odoo
        </Button>
      </form>
      {problem && <p className="text-sm text-red-700">{problem}</p>}
      {query.length >= 2 && !problem && companies.length === 0 && (
        <p className="text-sm text-slate-600">No active company in Odoo matches “{query}”.</p>
      )}
      {companies.length > 0 && (
        <OdooCompanyTable companies={companies} canManage={hasPermission(user.role, "organisations.manage")} />
      )}
    </>
  );
}
