import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { OdooClient } from "@/server/odoo/client";
import { fieldsOf, odooBoolean, odooIds, odooRecord, odooText } from "@/server/odoo/mappers";
import { withAppErrors } from "@/server/odoo/to-app-error";

// Odoo's "Send Webhook Notification" automation rules (base_automation): a `base.automation`
// on a model and trigger, with one `ir.actions.server` of state "webhook" that POSTs the
// selected fields (`webhook_field_ids`) to `webhook_url`. Fields and models are named by
// their ir.model / ir.model.fields ids, as Odoo's form does; the shapes below follow the
// recorded exchanges (contract fixtures json2/159–162). Rules are read with archived ones, so
// a rule a user switched off is found and switched back on instead of duplicated.

const WITH_ARCHIVED = { active_test: false };

const RULE = {
  name: odooText,
  model_name: odooText,
  trigger: odooText,
  trigger_field_ids: odooIds,
  filter_domain: odooText,
  action_server_ids: odooIds,
  active: odooBoolean,
};
const ACTION = {
  name: odooText,
  model_name: odooText,
  state: odooText,
  webhook_url: odooText,
  webhook_field_ids: odooIds,
};
const ZRule = odooRecord(RULE);
const ZAction = odooRecord(ACTION);
const ZModel = odooRecord({ model: z.string() });
const ZField = odooRecord({ name: z.string(), model: z.string() });

export type TWebhookAction = { id: number; name: string; state: string | null; url: string | null; fieldIds: number[] };
export type TWebhookRule = {
  id: number;
  name: string;
  model: string;
  trigger: string | null;
  triggerFieldIds: number[];
  filterDomain: string | null;
  active: boolean;
  actions: TWebhookAction[];
};

export type TWebhookRuleInput = {
  name: string;
  modelId: number;
  trigger: "on_create_or_write" | "on_create" | "on_write";
  /** Empty: any change of the record fires the rule. */
  triggerFieldIds: number[];
  /** Null: every record; else the domain (Python literal) it must match after the change. */
  filterDomain: string | null;
  url: string;
  fieldIds: number[];
};

/** ir.model ids by model name; throws INVALID_STATE naming the models Odoo lacks (a module not installed). */
export function getModelIds(client: OdooClient, models: string[]): Promise<Map<string, number>> {
  return withAppErrors(async () => {
    const rows = await client.searchRead("ir.model", ["model"], ZModel, { domain: [["model", "in", models]] });
    const ids = new Map(rows.map((row) => [row.model, row.id]));
    const missing = models.filter((model) => !ids.has(model));
    if (missing.length) throw notInstalled(`Odoo has no model ${missing.join(", ")}: is its module installed?`);

    return ids;
  });
}

/** ir.model.fields ids of `model`'s fields, in the order asked; throws INVALID_STATE naming unknown fields. */
export function getFieldIds(client: OdooClient, model: string, names: string[]): Promise<number[]> {
  return withAppErrors(async () => {
    const rows = await client.searchRead("ir.model.fields", ["name", "model"], ZField, {
      domain: [
        ["model", "=", model],
        ["name", "in", names],
      ],
    });
    const ids = new Map(rows.map((row) => [row.name, row.id]));
    const missing = names.filter((name) => !ids.has(name));
    if (missing.length) throw notInstalled(`Odoo's ${model} has no field ${missing.join(", ")}.`);

    return names.map((name) => ids.get(name)!);
  });
}

/** The automation rules whose name starts with `prefix`, archived ones too, each with its server actions. */
export function findWebhookRules(client: OdooClient, prefix: string): Promise<TWebhookRule[]> {
  return withAppErrors(async () => {
    const escaped = prefix.replace(/[%_\\]/g, (char) => `\\${char}`);
    const rules = await client.searchRead("base.automation", fieldsOf(RULE), ZRule, {
      domain: [["name", "=like", `${escaped}%`]],
      order: "id",
      context: WITH_ARCHIVED,
    });
    const actionIds = rules.flatMap((rule) => rule.action_server_ids);
    const actions = actionIds.length
      ? await client.searchRead("ir.actions.server", fieldsOf(ACTION), ZAction, {
          domain: [["id", "in", actionIds]],
          order: "id",
        })
      : [];

    return rules.map((rule) => ({
      id: rule.id,
      name: rule.name ?? "",
      model: rule.model_name ?? "",
      trigger: rule.trigger,
      triggerFieldIds: rule.trigger_field_ids,
      filterDomain: rule.filter_domain,
      active: rule.active,
      actions: actions
        .filter((action) => rule.action_server_ids.includes(action.id))
        .map((action) => ({
          id: action.id,
          name: action.name ?? "",
          state: action.state,
          url: action.webhook_url,
          fieldIds: action.webhook_field_ids,
        })),
    }));
  });
}

/** Creates a rule with its one webhook action (one call, so Odoo never holds a rule without its action). */
export function createWebhookRule(client: OdooClient, input: TWebhookRuleInput): Promise<number> {
  return withAppErrors(async () => {
    const [id] = await client.create("base.automation", {
      name: input.name,
      model_id: input.modelId,
      trigger: input.trigger,
      trigger_field_ids: [[6, 0, input.triggerFieldIds]],
      filter_domain: input.filterDomain ?? false,
      action_server_ids: [[0, 0, webhookActionValues(input)]],
    });

    return id!;
  });
}

/**
 * Brings an existing rule to `input`: trigger, trigger fields, filter and active on the rule; the
 * first webhook action's URL and fields (a webhook action is added when the rule has none).
 */
export function updateWebhookRule(client: OdooClient, rule: TWebhookRule, input: TWebhookRuleInput): Promise<void> {
  return withAppErrors(async () => {
    const action = rule.actions.find((candidate) => candidate.state === "webhook");
    await client.write("base.automation", [rule.id], {
      trigger: input.trigger,
      trigger_field_ids: [[6, 0, input.triggerFieldIds]],
      filter_domain: input.filterDomain ?? false,
      active: true,
      ...(action ? {} : { action_server_ids: [[0, 0, webhookActionValues(input)]] }),
    });
    if (action)
      await client.write("ir.actions.server", [action.id], {
        webhook_url: input.url,
        webhook_field_ids: [[6, 0, input.fieldIds]],
      });
  });
}

function webhookActionValues(input: TWebhookRuleInput) {
  return {
    name: input.name,
    model_id: input.modelId,
    state: "webhook",
    webhook_url: input.url,
    webhook_field_ids: [[6, 0, input.fieldIds]],
  };
}

function notInstalled(message: string): AppError {
  return new AppError("INVALID_STATE", message, undefined, { retryable: false });
}
