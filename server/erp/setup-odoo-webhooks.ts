import "server-only";
import { AppError } from "@/lib/errors";
import {
  ruleIsCurrent,
  WEBHOOK_RULE_PREFIX,
  WEBHOOK_RULES,
  webhookRuleName,
  webhookUrl,
} from "@/lib/erp/webhook-rules";
import { getEnv } from "@/server/env";
import {
  createWebhookRule,
  findWebhookRules,
  getFieldIds,
  getModelIds,
  type TWebhookRuleInput,
  updateWebhookRule,
} from "@/server/odoo/automations";
import type { OdooClient } from "@/server/odoo/client";
import { getOdooClient } from "@/server/odoo/get-odoo-client";

export type TWebhookSetupResult = { url: string; created: string[]; updated: string[]; unchanged: string[] };

/**
 * Creates or updates, in Odoo, one "Send Webhook Notification" automation rule per model
 * Tradepost listens to (on create and write, no trigger fields: any change of a record its
 * filter, if it has one, applies to — sale orders past the quotation, deliveries once done), posting to this
 * app's receiver with the first of ODOO_WEBHOOK_TOKENS. Idempotent: rules are found by their
 * "Tradepost: " name, and a rule that already matches is not written, so a second run changes
 * nothing; a changed APP_URL or token rewrites the URL. Rules of other names are left alone.
 */
export async function setupOdooWebhooks({
  client = getOdooClient(),
  appUrl = getEnv().APP_URL,
  token = getEnv().ODOO_WEBHOOK_TOKENS?.[0],
}: { client?: OdooClient; appUrl?: string; token?: string } = {}): Promise<TWebhookSetupResult> {
  if (!token)
    throw new AppError("INVALID_STATE", "Set ODOO_WEBHOOK_TOKENS first: the webhook URL carries its first token.");
  const url = webhookUrl(appUrl, token);
  const modelIds = await getModelIds(
    client,
    WEBHOOK_RULES.map((rule) => rule.model),
  );
  const existing = await findWebhookRules(client, WEBHOOK_RULE_PREFIX);
  const result: TWebhookSetupResult = { url, created: [], updated: [], unchanged: [] };
  for (const spec of WEBHOOK_RULES) {
    const name = webhookRuleName(spec.model);
    const wanted: TWebhookRuleInput = {
      name,
      modelId: modelIds.get(spec.model)!,
      trigger: "on_create_or_write",
      triggerFieldIds: [],
      filterDomain: spec.filterDomain ?? null,
      url,
      fieldIds: await getFieldIds(client, spec.model, spec.fields),
    };
    const rule = existing.find((candidate) => candidate.name === name && candidate.model === spec.model);
    if (!rule) {
      await createWebhookRule(client, wanted);
      result.created.push(spec.model);
    } else if (ruleIsCurrent(rule, wanted)) {
      result.unchanged.push(spec.model);
    } else {
      await updateWebhookRule(client, rule, wanted);
      result.updated.push(spec.model);
    }
  }

  return result;
}
