import { RulesWorkspace } from "@/components/portal/pricing/rules-workspace";
import { VersionHeader } from "@/components/portal/pricing/version-header";
import { loadVersionPage } from "./load-version";

export const metadata = { title: "Price list version" };

export default async function VersionRulesPage({ params }: { params: Promise<{ versionId: string }> }) {
  const { view, permissions, editable } = await loadVersionPage(params);
  const { version, check, catalog } = view;

  return (
    <>
      <VersionHeader view={view} tab="rules" permissions={permissions} />
      <RulesWorkspace
        versionId={version.id}
        currency={version.ruleSet.currency}
        rules={version.rules}
        policy={version.policy}
        editable={editable}
        findings={check.findings}
        acknowledged={version.acknowledgedWarnings}
        catalogueAvailable={check.catalogueAvailable}
        catalog={{ products: catalog.facts.products, organisations: catalog.organisations }}
      />
    </>
  );
}
