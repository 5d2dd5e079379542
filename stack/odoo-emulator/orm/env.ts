// The emulated ORM: records in memory, with Odoo's rules for create, write, read, search
// and unlink, one transaction per call (rolled back on error; ids and sequence numbers
// are not, as in PostgreSQL), and change notifications for automation rules.
import type { Clock } from "../clock";
import { AccessError, missingRecord, ValueErrorPy } from "../errors";
import {
  applyOneToManyCommands,
  checkManyToOne,
  checkRequired,
  checkValues,
  splitRelated,
  storedValue,
  writeThrough,
} from "./writes";
import { matches, parseDomain, validateDomain } from "./domain";
import { searchable } from "./archive";
import { sortRecords } from "./order";
import type { Registry } from "./registry";
import type { TFieldDef, TModelDef, TRecord } from "./types";
import { rawValue, toReadValue } from "./values";

export type TState = {
  records: Record<string, Record<string, TRecord>>;
  nextIds: Record<string, number>;
  sequences: Record<string, number>;
  /** API key → user id. */
  apiKeys: Record<string, number>;
  /** user id → password (the emulator keeps them in clear; it holds no real secrets). */
  passwords: Record<string, string>;
};

export type TChange = { model: string; id: number; created: boolean; fields: Set<string> };
export type TPendingWebhook = { url: string; body: string; description: string };
type TSearchOptions = { offset?: number; limit?: number | null; order?: string | null };

export class Env {
  uid = 2;
  context: Record<string, unknown> = {};
  txNow = "";
  pendingWebhooks: TPendingWebhook[] = [];
  /**
   * During a transaction: each record it changed, as it was before the first change (undefined:
   * the transaction created it), by model and id. Kept per record, not per table: copying the
   * tables a call touches made every call cost as much as the tables were large.
   */
  private undo: Map<string, Map<string, TRecord | undefined>> | null = null;
  private readonly listeners: ((change: TChange) => void)[] = [];

  constructor(
    readonly registry: Registry,
    public state: TState,
    readonly clock: Clock,
  ) {}

  onChange(listener: (change: TChange) => void): void {
    this.listeners.push(listener);
  }

  /** Runs `work` as one Odoo transaction for `uid`: all or nothing, webhooks queued for after commit. */
  transaction<T>(
    uid: number,
    context: Record<string, unknown>,
    work: () => T,
  ): { result: T; webhooks: TPendingWebhook[] } {
    this.undo = new Map();
    this.uid = uid;
    this.context = context;
    this.txNow = this.clock.now();
    this.pendingWebhooks = [];
    try {
      const result = work();

      return { result, webhooks: this.pendingWebhooks };
    } catch (error) {
      this.rollBack();
      throw error;
    } finally {
      this.undo = null;
      this.pendingWebhooks = [];
    }
  }

  // ── metadata ─────────────────────────────────────────────────────────────

  model(name: string): TModelDef | undefined {
    const model = this.registry.get(name);

    return model && (!model.module || this.isInstalled(model.module)) ? model : undefined;
  }

  isInstalled(module: string): boolean {
    return Object.values(this.table("ir.module.module")).some(
      (record) => record.name === module && record.state === "installed",
    );
  }

  field(model: string, name: string): TFieldDef | undefined {
    const field = this.registry.field(model, name);

    return field && (!field.module || this.isInstalled(field.module)) ? field : undefined;
  }

  fields(model: string): TFieldDef[] {
    return (this.registry.get(model)?.fields ?? []).filter((field) => !field.module || this.isInstalled(field.module));
  }

  // ── records ──────────────────────────────────────────────────────────────

  /** A model's records by id. Changes go through create, write, update and remove, which keep what rollback needs. */
  table(model: string): Record<string, TRecord> {
    return (this.state.records[model] ??= {});
  }

  /** Deletes one record (no checks or hooks: unlink's, or a hook's removing dependent records). */
  remove(model: string, id: number): void {
    this.keepForRollback(model, id);
    delete this.table(model)[String(id)];
  }

  /** Before a transaction first changes a record: keeps it as it is (a copy; values are replaced, never changed in place). */
  private keepForRollback(model: string, id: number): void {
    if (!this.undo) return;
    let originals = this.undo.get(model);
    if (!originals) this.undo.set(model, (originals = new Map()));
    if (originals.has(String(id))) return;
    const current = this.state.records[model]?.[String(id)];
    originals.set(String(id), current && { ...current });
  }

  private rollBack(): void {
    for (const [model, originals] of this.undo ?? []) {
      const table = this.table(model);
      for (const [id, original] of originals) {
        if (original) table[id] = original;
        else delete table[id];
      }
    }
  }

  get(model: string, id: number): TRecord | undefined {
    return this.state.records[model] ? this.table(model)[String(id)] : undefined;
  }

  all(model: string): TRecord[] {
    return Object.values(this.table(model));
  }

  value(model: string, record: TRecord, field: TFieldDef): unknown {
    return rawValue(this, model, record, field);
  }

  valueOf(model: string, record: TRecord, fieldName: string): unknown {
    return this.value(model, record, this.registry.field(model, fieldName)!);
  }

  displayName(model: string, id: number): string {
    const record = this.get(model, id);
    const definition = this.registry.get(model);

    return record && definition ? definition.displayName(record, this) : String(id);
  }

  inverseIds(model: string, inverse: string, id: number): number[] {
    const children = this.all(model).filter((record) => record[inverse] === id);

    return sortRecords(this, model, children, this.registry.get(model)!.order).map((record) => record.id);
  }

  sortIds(model: string, ids: number[]): number[] {
    // Comodels the emulator does not know hold no records: their ids stay as stored.
    if (!this.registry.get(model)) return ids;
    const records = ids.map((id) => this.get(model, id)).filter((record): record is TRecord => Boolean(record));

    return sortRecords(this, model, records, this.registry.get(model)!.order).map((record) => record.id);
  }

  nextSequence(code: string): number {
    this.state.sequences[code] = (this.state.sequences[code] ?? 0) + 1;

    return this.state.sequences[code];
  }

  private allocateId(model: string): number {
    const highest = Math.max(0, ...Object.keys(this.table(model)).map(Number));
    const id = Math.max(this.state.nextIds[model] ?? 1, highest + 1);
    this.state.nextIds[model] = id + 1;

    return id;
  }

  // ── access ───────────────────────────────────────────────────────────────

  userGroups(uid = this.uid): string[] {
    const user = this.get("res.users", uid);
    const groupIds = (user?.group_ids as number[] | undefined) ?? [];

    return groupIds.map((id) => this.get("res.groups", id)?.xmlid as string).filter(Boolean);
  }

  checkAccess(model: string): void {
    const access = this.registry.get(model)?.access;
    if (!access || this.userGroups().includes(access.group) || this.uid === 1) return;
    const description = this.registry.get(model)!.description;
    throw AccessError(
      `You are not allowed to access '${description}' (${model}) records.\n\nThis operation is allowed for the following groups:\n${access.deniedGroups.map((group) => `\t- ${group}`).join("\n")}\n\nContact your administrator to request access if necessary.`,
    );
  }

  // ── search / read ────────────────────────────────────────────────────────

  search(model: string, domain: unknown, { offset = 0, limit, order }: TSearchOptions = {}): number[] {
    this.checkAccess(model);
    const tree = parseDomain(domain);
    validateDomain(this, model, tree);
    const found = searchable(this, this.all(model), domain).filter((record) => matches(this, model, record, tree));
    const sorted = sortRecords(this, model, found, order || this.registry.get(model)!.order);
    const page = sorted.slice(offset || 0, limit ? (offset || 0) + limit : undefined);

    return page.map((record) => record.id);
  }

  read(model: string, ids: number[], fieldNames?: string[] | null): Record<string, unknown>[] {
    this.checkAccess(model);
    const names = fieldNames?.length ? fieldNames : this.fields(model).map((field) => field.name);
    const fields = names.map((name) => {
      const field = this.field(model, name);
      if (!field) throw ValueErrorPy(`Invalid field '${name}' on model '${model}'`);

      return field;
    });
    const seen = new Set<number>();

    return ids.flatMap((id) => {
      const record = this.get(model, id);
      if (!record || seen.has(id)) return [];
      seen.add(id);
      const row: Record<string, unknown> = { id };
      for (const field of fields)
        if (field.name !== "id") row[field.name] = toReadValue(this, field, this.value(model, record, field));

      return [row];
    });
  }

  // ── create / write / unlink ──────────────────────────────────────────────

  create(model: string, vals: Record<string, unknown>): number {
    this.checkAccess(model);
    const definition = this.registry.get(model)!;
    const values = { ...vals };
    checkValues(this, model, values);
    for (const field of definition.fields) {
      if (!(field.name in values) && field.default) values[field.name] = field.default(this, values);
    }
    definition.hooks?.prepareCreate?.(this, values);
    const changed = Object.keys(values).filter((name) => !name.startsWith("__"));
    const through = splitRelated(this, model, values);
    checkManyToOne(this, model, values);
    const id = this.allocateId(model);
    checkRequired(definition, values);

    const record: TRecord = { id };
    const oneToMany: [TFieldDef, unknown][] = [];
    for (const [name, value] of Object.entries(values)) {
      // "__" keys carry data from prepareCreate to afterCreate hooks; they are not fields.
      if (name.startsWith("__")) {
        record[name] = value;
        continue;
      }
      const field = this.registry.field(model, name)!;
      if (field.type === "one2many" && field.inverse) oneToMany.push([field, value]);
      else if (!field.compute) record[name] = storedValue(this, field, value, []);
    }
    if (!definition.transient)
      Object.assign(record, {
        create_date: this.txNow,
        write_date: this.txNow,
        create_uid: this.uid,
        write_uid: this.uid,
      });
    this.keepForRollback(model, id);
    this.table(model)[String(id)] = record;
    for (const [field, commands] of oneToMany) applyOneToManyCommands(this, model, id, field, commands);
    writeThrough(this, model, record, through);
    definition.hooks?.afterCreate?.(this, record, values);
    this.notify({ model, id, created: true, fields: new Set(changed) });

    return id;
  }

  write(model: string, ids: number[], vals: Record<string, unknown>): true {
    this.checkAccess(model);
    const missing = ids.filter((id) => !this.get(model, id));
    if (missing.length) throw missingRecord(model, missing, this.uid);
    const definition = this.registry.get(model)!;
    checkValues(this, model, vals);
    checkManyToOne(this, model, vals);
    const own = { ...vals };
    const through = splitRelated(this, model, own);
    for (const id of ids) {
      this.keepForRollback(model, id);
      const record = this.get(model, id)!;
      const before = Object.keys(vals).map((name) => JSON.stringify(this.valueOf(model, record, name)));
      for (const [name, value] of Object.entries(own)) {
        const field = this.registry.field(model, name)!;
        if (field.type === "one2many" && field.inverse) applyOneToManyCommands(this, model, id, field, value);
        else if (!field.compute) record[name] = storedValue(this, field, value, (record[name] as number[]) ?? []);
      }
      writeThrough(this, model, record, through);
      if (!definition.transient) Object.assign(record, { write_date: this.txNow, write_uid: this.uid });
      definition.hooks?.afterWrite?.(this, record, vals);
      const changed = Object.keys(vals).filter(
        (name, index) => JSON.stringify(this.valueOf(model, record, name)) !== before[index],
      );
      this.notify({ model, id, created: false, fields: new Set(changed) });
    }

    return true;
  }

  unlink(model: string, ids: number[]): true {
    this.checkAccess(model);
    const missing = ids.filter((id) => !this.get(model, id));
    if (missing.length) throw missingRecord(model, missing, this.uid);
    const definition = this.registry.get(model)!;
    for (const id of ids) definition.hooks?.beforeUnlink?.(this, this.get(model, id)!);
    for (const id of ids) this.remove(model, id);

    return true;
  }

  /** Sets values without checks, hooks or notifications (computed state Odoo keeps in sync itself). */
  update(model: string, id: number, values: Record<string, unknown>, { touch = true }: { touch?: boolean } = {}): void {
    this.keepForRollback(model, id);
    const record = this.get(model, id)!;
    Object.assign(record, values, touch ? { write_date: this.txNow, write_uid: this.uid } : {});
  }

  notify(change: TChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
