// What Tradepost needs from this Strapi, set up idempotently at every start from the environment
// the stack gives: the demo editor's login, the read-only API token, the webhook, the locales and
// a database constraint Strapi's own `unique` does not give.
import type { Core } from "@strapi/strapi";

const TOKEN_NAME = "Tradepost (read-only)";
const WEBHOOK_NAME = "Tradepost";
// Strapi creates these on a first boot without an admin; Tradepost uses its own token only.
const DEFAULT_TOKENS = ["Read Only", "Full Access"];
export const WEBHOOK_EVENTS = ["entry.create", "entry.update", "entry.delete", "entry.publish", "entry.unpublish"];

/**
 * `unique: true` in a schema is checked by Strapi only, per locale, and not for drafts: two
 * concurrent publishes of one SKU both succeed. A partial unique index on the published rows holds.
 */
export async function ensurePublishedSkuIndex(strapi: Core.Strapi): Promise<void> {
  await strapi.db.connection.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS product_contents_published_sku_locale
       ON product_contents (sku, locale) WHERE published_at IS NOT NULL`,
  );
}

export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin("i18n").service("locales");
  const existing: { code: string }[] = await locales.find();
  for (const [code, name] of [
    ["en", "English (en)"],
    ["de", "German (de)"],
  ]) {
    if (!existing.some((locale) => locale.code === code)) await locales.create({ code, name });
  }
  await locales.setDefaultLocale({ code: "en" });
}

export async function ensureEditor(strapi: Core.Strapi, email: string, password: string): Promise<void> {
  const users = strapi.service("admin::user");
  if (await users.exists({ email })) return;
  const superAdmin = await strapi.service("admin::role").getSuperAdmin();
  await users.create({
    email,
    firstname: "Demo",
    lastname: "Editor",
    password,
    isActive: true,
    registrationToken: null,
    roles: superAdmin ? [superAdmin.id] : [],
  });
}

/** A read-only token whose secret is the one the stack gave Tradepost (so both agree without a hand-over file). */
export async function ensureReadOnlyToken(strapi: Core.Strapi, accessKey: string): Promise<void> {
  const tokens = strapi.service("admin::api-token");
  const rows: { id: number; name: string; accessKey: string; type: string }[] = await strapi.db
    .query("admin::api-token")
    .findMany({
      where: { name: { $in: [...DEFAULT_TOKENS, TOKEN_NAME] } },
      select: ["id", "name", "accessKey", "type"],
    });
  for (const token of rows.filter((candidate) => DEFAULT_TOKENS.includes(candidate.name)))
    await tokens.revoke(token.id);
  const existing = rows.find((token) => token.name === TOKEN_NAME);
  const hash = tokens.hash(accessKey);
  if (existing) {
    if (existing.accessKey === hash && existing.type === "read-only") return;
    await tokens.revoke(existing.id);
  }
  const created = await tokens.create({
    name: TOKEN_NAME,
    description: "Tradepost's storefront reads published product content with it.",
    type: "read-only",
    lifespan: null,
  });
  // Replace the generated secret with the stack's (stored hashed, like Strapi's own).
  await strapi.db.query("admin::api-token").update({
    where: { id: created.id },
    data: { accessKey: hash, encryptedKey: null },
  });
}

export async function ensureWebhook(strapi: Core.Strapi, url: string, secret: string): Promise<void> {
  const store = strapi.get("webhookStore");
  const wanted = {
    name: WEBHOOK_NAME,
    url,
    headers: { "x-tradepost-webhook-secret": secret },
    events: WEBHOOK_EVENTS,
    isEnabled: true,
  };
  const existing = (await store.findWebhooks()).find((webhook: { name: string }) => webhook.name === WEBHOOK_NAME);
  const runner = strapi.get("webhookRunner");
  if (!existing) {
    const created = await store.createWebhook(wanted);
    runner.add(created);

    return;
  }
  const updated = await store.updateWebhook(existing.id, { ...existing, ...wanted });
  runner.update(updated);
}
