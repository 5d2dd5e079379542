import { writeFileSync } from "node:fs";
import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { ensureApiKeys } from "./seed/api-keys";
import { ensureCatalog } from "./seed/catalog";
import { ensureStoreSetup } from "./seed/store-setup";

// medusa exec ./src/scripts/seed.ts
// Idempotent: every run converges on the same store, region, warehouse, keys and catalogue.
// Writes the keys Tradepost needs to $TRADEPOST_MEDUSA_KEYS_FILE (or prints them).
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const keysFile = process.env.TRADEPOST_MEDUSA_KEYS_FILE;
  const setup = await ensureStoreSetup(container);
  const keys = await ensureApiKeys(container, { salesChannelId: setup.salesChannelId, keysFile });
  const created = await ensureCatalog(container, setup);
  logger.info(`Tradepost seed: ${created} product(s) created`);

  const output = { ...keys, regionId: setup.regionId, salesChannelId: setup.salesChannelId };
  if (keysFile) {
    writeFileSync(keysFile, JSON.stringify(output, null, 2), { mode: 0o600 });
    logger.info(`Tradepost seed: keys written to ${keysFile}`);
  } else {
    console.log(`TRADEPOST_MEDUSA_KEYS=${JSON.stringify(output)}`);
  }
}
