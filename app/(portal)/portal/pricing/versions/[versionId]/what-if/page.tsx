import { VersionHeader } from "@/components/portal/pricing/version-header";
import { WhatIfReport } from "@/components/portal/pricing/what-if-report";
import { loadVersionPage } from "../load-version";

export const metadata = { title: "What-if" };

export default async function WhatIfPage({ params }: { params: Promise<{ versionId: string }> }) {
  const { view, permissions } = await loadVersionPage(params);
  const skus = view.catalog.facts.products.reduce((count, product) => count + product.skus.length, 0);

  return (
    <>
      <VersionHeader view={view} tab="what-if" permissions={permissions} />
      <WhatIfReport
        versionId={view.version.id}
        currency={view.version.ruleSet.currency}
        linesPerQuantity={skus * view.catalog.organisations.length}
      />
    </>
  );
}
