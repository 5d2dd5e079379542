import { existsSync, readFileSync } from "node:fs";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import {
  createApiKeysWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  revokeApiKeysWorkflow,
} from "@medusajs/medusa/core-flows";

const PUBLISHABLE_TITLE = "Tradepost storefront";
const SECRET_TITLE = "Tradepost server";

export type TSeededKeys = { publishableKey: string; secretApiKey: string; secretApiKeyId: string };

/**
 * The publishable key (store API, linked to the sales channel) and the secret key Tradepost's
 * server authenticates with. Medusa shows a secret key only when it is created, so the
 * previous run's key is reused when the keys file still holds it; otherwise any old key
 * with this title is revoked and a new one made.
 */
export async function ensureApiKeys(
  container: MedusaContainer,
  { salesChannelId, keysFile }: { salesChannelId: string; keysFile?: string },
): Promise<TSeededKeys> {
  const publishableKey = await ensurePublishableKey(container, salesChannelId);
  const service = container.resolve(Modules.API_KEY);
  const active = (await service.listApiKeys({ title: SECRET_TITLE, type: "secret" })).filter((key) => !key.revoked_at);
  const previous = readPreviousKeys(keysFile);
  if (previous && active.some((key) => key.id === previous.secretApiKeyId)) {
    return { publishableKey, secretApiKey: previous.secretApiKey, secretApiKeyId: previous.secretApiKeyId };
  }

  if (active.length) {
    await revokeApiKeysWorkflow(container).run({
      input: { selector: { id: active.map((key) => key.id) }, revoke: { revoked_by: "tradepost-seed", revoke_in: 0 } },
    });
  }
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: SECRET_TITLE, type: "secret", created_by: "tradepost-seed" }] },
  });

  return { publishableKey, secretApiKey: result[0]!.token, secretApiKeyId: result[0]!.id };
}

async function ensurePublishableKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "revoked_at", "sales_channels.id"],
    filters: { title: PUBLISHABLE_TITLE, type: "publishable" },
  });
  let key = data.find((candidate) => !candidate.revoked_at) as
    { id: string; token: string; sales_channels?: { id: string }[] } | undefined;
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_TITLE, type: "publishable", created_by: "tradepost-seed" }] },
    });
    key = { id: result[0]!.id, token: result[0]!.token, sales_channels: [] };
  }
  if (!key.sales_channels?.some((channel) => channel?.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } });
  }

  return key.token;
}

function readPreviousKeys(keysFile?: string): TSeededKeys | null {
  if (!keysFile || !existsSync(keysFile)) return null;
  try {
    const parsed = JSON.parse(readFileSync(keysFile, "utf8")) as Partial<TSeededKeys>;

    return parsed.secretApiKey && parsed.secretApiKeyId && parsed.publishableKey ? (parsed as TSeededKeys) : null;
  } catch {
    return null;
  }
}
