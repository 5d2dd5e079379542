import { Simulator } from "@/components/portal/pricing/simulator";
import { VersionHeader } from "@/components/portal/pricing/version-header";
import { loadVersionPage } from "../load-version";

export const metadata = { title: "Price simulator" };

export default async function SimulatePage({ params }: { params: Promise<{ versionId: string }> }) {
  const { view, permissions } = await loadVersionPage(params);

  return (
    <>
      <VersionHeader view={view} tab="simulate" permissions={permissions} />
      <Simulator
        versionId={view.version.id}
        versionNumber={view.version.number}
        currency={view.version.ruleSet.currency}
        catalog={{ products: view.catalog.facts.products, organisations: view.catalog.organisations }}
      />
    </>
  );
}
