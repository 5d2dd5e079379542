import type { Core } from "@strapi/strapi";
import { seedDemoContent } from "./seed/seed-demo-content";
import {
  ensureEditor,
  ensureLocales,
  ensurePublishedSkuIndex,
  ensureReadOnlyToken,
  ensureWebhook,
} from "./seed/tradepost-access";

// Everything the stack needs is set up here, at every start, from the environment stack/lib/strapi.ts gives;
// each step is idempotent. Without those variables (a Strapi run by hand) only the constraints are set up.
export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = process.env;
    await ensurePublishedSkuIndex(strapi);
    await ensureLocales(strapi);
    if (env.TRADEPOST_EDITOR_EMAIL && env.TRADEPOST_EDITOR_PASSWORD) {
      await ensureEditor(strapi, env.TRADEPOST_EDITOR_EMAIL, env.TRADEPOST_EDITOR_PASSWORD);
    }
    if (env.TRADEPOST_API_TOKEN) await ensureReadOnlyToken(strapi, env.TRADEPOST_API_TOKEN);
    // Demo content before the webhook, so seeding does not notify Tradepost of 16 new entries.
    if (env.TRADEPOST_DEMO_CONTENT === "true") {
      const created = await seedDemoContent(strapi);
      if (created) strapi.log.info(`Tradepost demo content: ${created} products created`);
    }
    if (env.TRADEPOST_WEBHOOK_URL && env.TRADEPOST_WEBHOOK_SECRET) {
      await ensureWebhook(strapi, env.TRADEPOST_WEBHOOK_URL, env.TRADEPOST_WEBHOOK_SECRET);
    }
  },
};
