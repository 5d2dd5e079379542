import { VersionDiff } from "@/components/portal/pricing/version-diff";
import { VersionHeader } from "@/components/portal/pricing/version-header";
import { loadVersionPage } from "../load-version";

export const metadata = { title: "Changes" };

export default async function ChangesPage({ params }: { params: Promise<{ versionId: string }> }) {
  const { view, permissions } = await loadVersionPage(params);

  return (
    <>
      <VersionHeader view={view} tab="changes" permissions={permissions} />
      <VersionDiff diff={view.diff} comparedWith={view.comparedWith} />
    </>
  );
}
