import { ModelList } from "@/components/portal/configurator/model-list";
import { PageHeader } from "@/components/portal/page-header";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { findConfiguratorModels } from "@/server/configurator/find-configurator-models";

export const metadata = { title: "Product models" };

export default async function ConfiguratorPage() {
  const user = await requirePageUser("configurator.read");
  const entries = await findConfiguratorModels();

  return (
    <>
      <PageHeader
        title="Product models"
        description="What buyers can configure for each product: options, defaults and the constraints between them. Price rules refer to the option codes."
      />
      <ModelList entries={entries} canWrite={hasPermission(user.role, "configurator.write")} />
    </>
  );
}
