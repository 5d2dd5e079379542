// npm run odoo:setup-webhooks — creates or updates, in the Odoo of ODOO_URL, the automation
// rules that post Odoo's changes to this app's webhook receiver (APP_URL + the first of
// ODOO_WEBHOOK_TOKENS). Safe to run again: unchanged rules are not written. Reads the same
// environment as the app (run it where the app's variables are set).
import "server-only";
import { setupOdooWebhooks } from "@/server/erp/setup-odoo-webhooks";

try {
  const result = await setupOdooWebhooks();
  // The token is part of the URL; print it only masked.
  const url = result.url.replace(/\/api\/webhooks\/odoo\/.+$/, "/api/webhooks/odoo/<token>");
  console.log(`Odoo webhooks → ${url}`);
  for (const [label, models] of Object.entries({
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
  }))
    if (models.length) console.log(`  ${label}: ${models.join(", ")}`);
} catch (error) {
  console.error(`Could not set up the Odoo webhooks: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
