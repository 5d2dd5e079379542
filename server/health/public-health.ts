import "server-only";
import type { TCheckStatus, THealth } from "@/server/health/check-health";

export type TPublicHealth = {
  status: THealth["status"];
  checks: { database: TCheckStatus; medusa: TCheckStatus; odoo: TCheckStatus; pim?: TCheckStatus };
};

/**
 * What anyone may see: up or down per system (the PIM when one is configured). Latencies, versions
 * and failure kinds help an attacker, not a load balancer.
 */
export function toPublicHealth(health: THealth): TPublicHealth {
  const { database, medusa, odoo, pim } = health.checks;

  return {
    status: health.status,
    checks: {
      database: database.status,
      medusa: medusa.status,
      odoo: odoo.status,
      ...(pim ? { pim: pim.status } : {}),
    },
  };
}
