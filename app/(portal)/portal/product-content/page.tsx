import { ContentCompletenessTable } from "@/components/pim/content-completeness-table";
import { PageHeader } from "@/components/portal/page-header";
import { requirePageUser } from "@/server/auth/session";
import { findContentCompleteness } from "@/server/pim/find-content-completeness";

export const metadata = { title: "Product content" };

export default async function ProductContentPage() {
  await requirePageUser("configurator.read");
  const completeness = await findContentCompleteness();

  return (
    <>
      <PageHeader
        title="Product content"
        description="Descriptions, pictures, specifications and data sheets come from the PIM (Strapi). Products with gaps come first; edit them in Strapi — published changes reach the store within seconds."
      />
      {completeness.state === "ok" ? (
        <ContentCompletenessTable rows={completeness.rows} />
      ) : (
        <p className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900" role="status">
          {completeness.state === "not-configured"
            ? "No PIM is configured (STRAPI_URL and STRAPI_API_TOKEN): product pages show the commerce backend's text only."
            : "The PIM or the catalogue is not answering right now. Try again in a moment."}
        </p>
      )}
    </>
  );
}
