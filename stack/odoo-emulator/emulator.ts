// One emulated Odoo database: models, state, clock, faults, authentication, and running a
// call as one transaction whose webhooks go out after commit, before the caller's answer.
import { Clock } from "./clock";
import { Faults } from "./faults";
import { registerAutomation } from "./models/automation";
import { registerBaseModels } from "./models/base";
import { registerDelivery } from "./models/delivery";
import { registerDeliveryRate } from "./models/delivery-rate";
import { registerModules } from "./models/modules";
import { registerPartner } from "./models/partner";
import { registerProducts } from "./models/product";
import { registerSale } from "./models/sale";
import { registerStock } from "./models/stock";
import { Env } from "./orm/env";
import { runMethod, type TCall } from "./orm/methods";
import type { TMethod } from "./orm/types";
import { applyRecordedFields } from "./orm/recorded-fields";
import { Registry } from "./orm/registry";
import { completeMetadata, emptyState, seedState } from "./seed";
import { loadSnapshot, SnapshotWriter } from "./snapshot";
import { sendWebhooks } from "./webhooks";

export type TEmulatorOptions = {
  db: string;
  adminApiKey: string;
  adminPassword: string;
  /** Bearer token of the admin API (/__emulator/*); without one the admin API is disabled. */
  adminToken?: string;
  /** The recorded server started without `delivery`; the demo and tests start with it. */
  deliveryInstalled: boolean;
  /** The domestic sales tax (the recorded company: 15%); foreign customers get 0% exports. */
  salesTaxPercent?: number;
  stateFile?: string;
  log: (line: string) => void;
};

function buildRegistry(): Registry {
  const registry = new Registry();
  registerBaseModels(registry);
  registerModules(registry);
  registerPartner(registry);
  registerProducts(registry);
  registerStock(registry);
  registerSale(registry);
  registerDelivery(registry);
  registerDeliveryRate(registry);
  registerAutomation(registry);
  applyRecordedFields(registry);

  return registry;
}

export class OdooEmulator {
  readonly clock = new Clock();
  readonly faults = new Faults();
  readonly registry = buildRegistry();
  readonly env: Env;
  private readonly snapshots?: SnapshotWriter;

  constructor(readonly options: TEmulatorOptions) {
    this.env = new Env(this.registry, emptyState(), this.clock);
    this.registry.initialiseEnv(this.env);
    const saved = options.stateFile ? loadSnapshot(options.stateFile) : null;
    if (saved) {
      this.env.state = saved;
      completeMetadata(this.env);
    } else this.seed();
    if (options.stateFile) this.snapshots = new SnapshotWriter(options.stateFile, () => this.env.state);
  }

  /** Back to a fresh database (the admin "reset" endpoint). */
  reset(overrides: Partial<Pick<TEmulatorOptions, "deliveryInstalled">> = {}): void {
    this.env.state = emptyState();
    this.seed(overrides.deliveryInstalled);
    this.snapshots?.schedule();
  }

  private seed(deliveryInstalled = this.options.deliveryInstalled): void {
    const { adminApiKey, adminPassword, salesTaxPercent } = this.options;
    seedState(this.env, { adminApiKey, adminPassword, deliveryInstalled, salesTaxPercent });
  }

  userForApiKey(key: string): number | null {
    const uid = this.env.state.apiKeys[key];

    return uid && this.isActiveUser(uid) ? uid : null;
  }

  /** Password or API key of `uid`, as Odoo accepts either for JSON-RPC. */
  checkCredentials(uid: number, secret: string): boolean {
    if (!this.isActiveUser(uid)) return false;

    return this.env.state.passwords[String(uid)] === secret || this.env.state.apiKeys[secret] === uid;
  }

  login(login: string, secret: string): number | false {
    const user = this.env.all("res.users").find((candidate) => candidate.login === login && candidate.active !== false);

    return user && this.checkCredentials(user.id, secret) ? user.id : false;
  }

  private isActiveUser(uid: number): boolean {
    return this.env.get("res.users", uid)?.active === true;
  }

  /** Runs one call as one transaction, then sends its webhooks (before the caller gets the answer). */
  async execute(uid: number, target: TMethod, call: TCall): Promise<unknown> {
    const { result, webhooks } = this.env.transaction(uid, call.context, () => runMethod(this.env, target, call));
    this.snapshots?.schedule();
    await sendWebhooks(webhooks, this.faults.webhookFaults(), this.options.log);

    return result;
  }

  /** Runs internal work (admin "act as a sales rep" actions) the same way, as admin. */
  async perform<T>(work: (env: Env) => T): Promise<T> {
    const { result, webhooks } = this.env.transaction(2, {}, () => work(this.env));
    this.snapshots?.schedule();
    await sendWebhooks(webhooks, this.faults.webhookFaults(), this.options.log);

    return result;
  }

  async close(): Promise<void> {
    await this.snapshots?.flush();
  }
}
