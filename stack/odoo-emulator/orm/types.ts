import type { Env } from "./env";

export type TFieldType =
  | "char"
  | "text"
  | "html"
  | "integer"
  | "float"
  | "monetary"
  | "boolean"
  | "selection"
  | "date"
  | "datetime"
  | "many2one"
  | "one2many"
  | "many2many"
  | "json"
  | "binary"
  | "reference"
  | "many2one_reference"
  | "properties"
  | "properties_definition";

/** A field as `fields_get` described it on a real Odoo 19 (stack/odoo-emulator/fields/). */
export type TRecordedField = {
  type: TFieldType;
  string: string;
  required: boolean;
  readonly: boolean;
  store: boolean;
  company_dependent: boolean;
  relation?: string;
  selection?: [string, string][];
  related?: string;
};

/** A stored record: raw values (many2one = id | false, many2many = ids, datetime = "… .ffffff"). */
export type TRecord = { id: number } & Record<string, unknown>;

export type TFieldDef = {
  name: string;
  type: TFieldType;
  string: string;
  relation?: string;
  /** one2many: the many2one on the comodel that points back. */
  inverse?: string;
  required?: boolean;
  selection?: [string, string][];
  default?: (env: Env, vals: Record<string, unknown>) => unknown;
  /** Not stored: computed on read (and in webhook payloads). */
  compute?: (record: TRecord, env: Env) => unknown;
  companyDependent?: boolean;
  /** Restricted to a group: usable as a trigger field, refused as a webhook payload field. */
  groupRestricted?: boolean;
  /** Only present once this module is installed. */
  module?: string;
  /** Pinned ir.model.fields id (others get generated ids). */
  fieldId?: number;
  /** For selection errors Odoo names the model that owns the field (product.template for product.product.type). */
  ownerModel?: string;
  /** What real Odoo's fields_get says about it (absent on models no recording covers). */
  recorded?: TRecordedField;
  /** Odoo's related path ("product_tmpl_id.name"): read through it, written through it unless readonly. */
  related?: string;
  /** Computed in Odoo without an inverse: a write is accepted and has no effect, as in Odoo. */
  ignoreWrites?: boolean;
};

export type TMethodArgs = { ids: number[]; kwargs: Record<string, unknown>; context: Record<string, unknown> };
export type TMethod = {
  /** Model-level methods (create, search …) refuse ids; record-level ones take them. */
  level: "model" | "record";
  /** The keyword arguments it accepts, besides ids and context. */
  params: string[];
  /** JSON-RPC: names for positional arguments after ids (record level) or from the start (model level). */
  positional?: string[];
  run: (env: Env, model: string, args: TMethodArgs) => unknown;
};

export type THooks = {
  prepareCreate?: (env: Env, vals: Record<string, unknown>) => void;
  afterCreate?: (env: Env, record: TRecord, vals: Record<string, unknown>) => void;
  afterWrite?: (env: Env, record: TRecord, vals: Record<string, unknown>) => void;
  beforeUnlink?: (env: Env, record: TRecord) => void;
};

export type TModelDef = {
  name: string;
  description: string;
  order: string;
  fields: TFieldDef[];
  displayName: (record: TRecord, env: Env) => string;
  methods?: Record<string, TMethod>;
  hooks?: THooks;
  /** Users without this group get Odoo's AccessError with `deniedGroups` listed. */
  access?: { group: string; deniedGroups: string[] };
  modelId?: number;
  module?: string;
  /** Wizards and settings have no create/write dates worth keeping. */
  transient?: boolean;
};
