// ir.module.module: the modules Tradepost needs, and installing `delivery` over the API
// (which also installs stock_delivery and brings carrier 1 with its product, as in 007).
import type { Env } from "../orm/env";
import type { Registry } from "../orm/registry";

const AUTO_INSTALLED_WITH: Record<string, string[]> = { delivery: ["stock_delivery"] };

export function installModule(env: Env, name: string): void {
  const modules = env.all("ir.module.module");
  for (const moduleName of [name, ...(AUTO_INSTALLED_WITH[name] ?? [])]) {
    const module = modules.find((candidate) => candidate.name === moduleName);
    if (!module || module.state === "installed") continue;
    env.update("ir.module.module", module.id, { state: "installed" });
    if (moduleName === "delivery") installDeliveryData(env);
  }
}

function installDeliveryData(env: Env): void {
  const productId = env.create("product.product", {
    name: "Standard delivery",
    default_code: "Delivery_007",
    type: "service",
    list_price: 0,
    taxes_id: [],
  });
  env.create("delivery.carrier", {
    name: "Standard delivery",
    delivery_type: "fixed",
    fixed_price: 0,
    product_id: productId,
  });
}

export function registerModules(registry: Registry): void {
  registry.register({
    name: "ir.module.module",
    description: "Module",
    order: "name",
    displayName: (record) => String(record.shortdesc ?? record.name),
    fields: [
      { name: "name", type: "char", string: "Technical Name", required: true },
      { name: "shortdesc", type: "char", string: "Module Name" },
      {
        name: "state",
        type: "selection",
        string: "Status",
        selection: [
          ["uninstallable", "Uninstallable"],
          ["uninstalled", "Not Installed"],
          ["installed", "Installed"],
          ["to upgrade", "To be upgraded"],
          ["to remove", "To be removed"],
          ["to install", "To be installed"],
        ],
      },
      { name: "auto_install", type: "boolean", string: "Automatic Installation" },
    ],
    methods: {
      button_immediate_install: {
        level: "record",
        params: [],
        run: (env, _model, { ids }) => {
          env.write("ir.module.module", ids, {});
          for (const id of ids) installModule(env, String(env.get("ir.module.module", id)!.name));

          return { type: "ir.actions.act_url", target: "self", url: "/odoo" };
        },
      },
    },
  });
}
