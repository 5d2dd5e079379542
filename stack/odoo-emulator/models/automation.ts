// base.automation rules with "Send Webhook Notification" server actions. A rule fires on
// create and/or on writes that change one of its trigger fields (or on reaching a state);
// the payload is taken at that moment and sent after the transaction commits.
import { ValidationError } from "../errors";
import type { Env, TChange } from "../orm/env";
import { matches, parseDomain } from "../orm/domain";
import type { Registry } from "../orm/registry";
import type { TRecord } from "../orm/types";
import { toWebhookValue } from "../orm/values";
import { pythonDumps } from "../python-json";

const TRIGGERS: [string, string][] = [
  ["on_create", "On Creation"],
  ["on_write", "On Update"],
  ["on_create_or_write", "On Creation & Update"],
  ["on_unlink", "On Deletion"],
  ["on_change", "On UI change"],
  ["on_time", "Based on Timed Condition"],
  ["on_state_set", "State is set to"],
  ["on_webhook", "On Webhook"],
];

const modelNameOf = (env: Env, record: TRecord) =>
  record.model_id ? (env.get("ir.model", record.model_id as number)?.model ?? false) : false;

/** Odoo's webhook body for one record: sorted keys, \uXXXX escapes, many2one as bare ids. */
export function webhookPayload(env: Env, action: TRecord, model: string, record: TRecord, indent?: number): string {
  const payload: Record<string, unknown> = {
    _action: `${String(action.name)}(#${action.id})`,
    _id: record.id,
    _model: model,
    id: record.id,
  };
  for (const fieldId of (action.webhook_field_ids as number[]) ?? []) {
    const name = env.get("ir.model.fields", fieldId)?.name as string | undefined;
    const field = name ? env.field(model, name) : undefined;
    if (field) payload[field.name] = toWebhookValue(env, field, env.value(model, record, field));
  }

  return pythonDumps(payload, { ensureAscii: true, sortKeys: true, indent });
}

function pythonDomainToJson(domain: string): unknown {
  const json = domain
    .replaceAll("(", "[")
    .replaceAll(")", "]")
    .replaceAll("'", '"')
    .replace(/\bTrue\b/g, "true")
    .replace(/\bFalse\b/g, "false")
    .replace(/\bNone\b/g, "null");

  return JSON.parse(json);
}

function shouldFire(env: Env, rule: TRecord, change: TChange): boolean {
  const triggerFields = ((rule.trigger_field_ids as number[]) ?? []).map(
    (id) => env.get("ir.model.fields", id)?.name as string,
  );
  const touched = triggerFields.length === 0 || triggerFields.some((name) => change.fields.has(name));
  switch (rule.trigger) {
    case "on_create":
      return change.created;
    case "on_write":
      return !change.created && touched;
    case "on_create_or_write":
    case "on_state_set":
      return change.created || touched;
    default:
      return false;
  }
}

function onChange(env: Env, change: TChange): void {
  const rules = env
    .all("base.automation")
    .filter((rule) => rule.active !== false && modelNameOf(env, rule) === change.model);
  for (const rule of rules) {
    if (!shouldFire(env, rule, change)) continue;
    const record = env.get(change.model, change.id);
    if (!record) continue;
    if (
      rule.filter_domain &&
      !matches(env, change.model, record, parseDomain(pythonDomainToJson(String(rule.filter_domain))))
    )
      continue;
    for (const actionId of env.inverseIds("ir.actions.server", "base_automation_id", rule.id)) {
      const action = env.get("ir.actions.server", actionId)!;
      if (action.state !== "webhook" || !action.webhook_url) continue;
      env.pendingWebhooks.push({
        url: String(action.webhook_url),
        body: webhookPayload(env, action, change.model, record),
        description: String(action.name),
      });
    }
  }
}

function sampleRecord(env: Env, model: string): TRecord | undefined {
  const [first] = env.search(model, [], { limit: 1 });

  return first ? env.get(model, first) : undefined;
}

export function registerAutomation(registry: Registry): void {
  registry.register({
    name: "ir.actions.server",
    description: "Server Actions",
    order: "sequence,name,id",
    displayName: (record) => String(record.name),
    fields: [
      { name: "name", type: "char", string: "Action Name", required: true },
      { name: "sequence", type: "integer", string: "Sequence", default: () => 5 },
      { name: "model_id", type: "many2one", string: "Model", relation: "ir.model", required: true },
      { name: "model_name", type: "char", string: "Model Name", compute: (record, env) => modelNameOf(env, record) },
      {
        name: "state",
        type: "selection",
        string: "Type",
        selection: [
          ["object_write", "Update Record"],
          ["object_create", "Create Record"],
          ["code", "Execute Code"],
          ["webhook", "Send Webhook Notification"],
          ["multi", "Multi Actions"],
        ],
        default: () => "object_write",
      },
      { name: "webhook_url", type: "char", string: "Webhook URL" },
      { name: "webhook_field_ids", type: "many2many", string: "Webhook Fields", relation: "ir.model.fields" },
      {
        name: "webhook_sample_payload",
        type: "text",
        string: "Sample Payload",
        compute: (record, env) => {
          const model = modelNameOf(env, record) as string;
          const sample = model ? sampleRecord(env, model) : undefined;

          return sample ? webhookPayload(env, record, model, sample, 4) : false;
        },
      },
      { name: "base_automation_id", type: "many2one", string: "Automation Rule", relation: "base.automation" },
    ],
  });
  registry.register({
    name: "base.automation",
    description: "Automation Rule",
    order: "id",
    displayName: (record) => String(record.name),
    fields: [
      { name: "name", type: "char", string: "Automation Rule Name", required: true },
      { name: "model_id", type: "many2one", string: "Model", relation: "ir.model", required: true },
      { name: "model_name", type: "char", string: "Model Name", compute: (record, env) => modelNameOf(env, record) },
      { name: "trigger", type: "selection", string: "Trigger", selection: TRIGGERS, required: true },
      { name: "trigger_field_ids", type: "many2many", string: "Trigger Fields", relation: "ir.model.fields" },
      {
        name: "trg_selection_field_id",
        type: "many2one",
        string: "Trigger Field",
        relation: "ir.model.fields.selection",
      },
      { name: "filter_domain", type: "char", string: "Apply on" },
      {
        name: "action_server_ids",
        type: "one2many",
        string: "Actions",
        relation: "ir.actions.server",
        inverse: "base_automation_id",
      },
      { name: "active", type: "boolean", string: "Active", default: () => true },
    ],
    hooks: {
      afterCreate: (env, rule) => {
        if (rule.trigger === "on_state_set" && rule.trg_selection_field_id) {
          const option = env.get("ir.model.fields.selection", rule.trg_selection_field_id as number)!;
          const field = env.get("ir.model.fields", option.field_id as number)!;
          env.update(
            "base.automation",
            rule.id,
            {
              trigger_field_ids: [field.id],
              filter_domain: `[('${String(field.name)}', '=', '${String(option.value)}')]`,
            },
            { touch: false },
          );
        }
        validateActions(env, rule.id);
      },
    },
  });
  registry.onEnv((env) => env.onChange((change) => onChange(env, change)));
}

// Odoo refuses webhook actions whose payload would include a field restricted to a group.
function validateActions(env: Env, ruleId: number): void {
  const actions = env
    .inverseIds("ir.actions.server", "base_automation_id", ruleId)
    .map((id) => env.get("ir.actions.server", id)!);
  const withWarnings = actions.filter((action) =>
    ((action.webhook_field_ids as number[]) ?? []).some((fieldId) => {
      const meta = env.get("ir.model.fields", fieldId);

      return meta && env.field(String(meta.model), String(meta.name))?.groupRestricted;
    }),
  );
  if (withWarnings.length)
    throw ValidationError(
      `Following child actions have warnings: ${withWarnings.map((action) => String(action.name)).join(", ")}`,
    );
}
