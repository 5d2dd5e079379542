// Every server action fuzzed with fast-check (FUZZ_RUNS cases each): the only answers are data or
// a typed error (never INTERNAL, which is what a 500 is to an action), and an input refused as
// INVALID_INPUT writes no row anywhere. The caller holds the action's permission, so the input
// gets past authorisation; ids of another organisation are among the generated values.
import { signInAs } from "../support/next-request-scope";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import { ACTIONS, loadAction } from "./action-table";
import { actionInput, FUZZ_RUNS } from "./fuzz-inputs";
import { createStaff, createTenant, ensureJobSchema, type TTenant, usersByRole } from "./tenants";
import { installWriteCounter, settle, writesAfter, writesSoFar } from "./write-counter";
import { hasPermission } from "@/server/auth/permissions";
import { stopSender } from "@/server/jobs/enqueue";

const db = testDb();
let a: TTenant;
let b: TTenant;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  [a, b, staff] = await Promise.all([createTenant(db, "A", { cart: false }), createTenant(db, "B"), createStaff(db)]);
  await ensureJobSchema();
  await installWriteCounter(db);
});
afterAll(async () => {
  await stopSender();
  await db.$disconnect();
});

const foreignIds = () => [
  b.buyer.id,
  b.admin.id,
  b.organisation.id,
  b.rule.id,
  b.step.id,
  b.waiting.id,
  b.placed.id,
  b.invitation.id,
  b.cart.medusaCartId,
  String(b.address.odooPartnerId),
];

/** The first user allowed to call it: a member of A (the buyer first) or staff. */
function callerFor(permission: string) {
  return usersByRole(a, staff).find(([role]) => hasPermission(role, permission as never))?.[1] ?? null;
}

// Actions without input ignore their argument entirely; fuzzing them would only run them.
const keys = Object.keys(ACTIONS)
  .filter((key) => ACTIONS[key]!.input !== "none")
  .sort();

describe(`fuzzing every server action with ${FUZZ_RUNS} inputs`, () => {
  it.each(keys)(
    "%s",
    async (key) => {
      const { permission, input } = ACTIONS[key]!;
      const action = await loadAction(key);
      signInAs(permission === "public" ? null : callerFor(permission));
      await settle(db);
      // The write counter is read before and after each input the schema accepts, and once per
      // batch of inputs it refuses (a query per case would double the run time).
      const schema = typeof input === "object" && "object" in input ? input.object : null;
      let writes = await writesSoFar(db);
      let unchecked = 0;
      const checkWrites = async () => {
        const now = await writesSoFar(db);
        if (now !== writes) {
          throw new Error(
            `one of ${unchecked} invalid inputs wrote rows: ${(await writesAfter(db, writes)).join(", ")}`,
          );
        }
        unchecked = 0;
      };
      const outcomes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(actionInput(input, foreignIds()), async (value) => {
          const valid = schema ? schema.safeParse(value).success : null;
          if (valid !== false) await checkWrites();
          const result = await action(value);
          const outcome = result.ok ? "ok" : result.code;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          expect(outcome, result.ok ? "" : result.message).not.toBe("INTERNAL");
          if (valid === false) expect(outcome, "the schema refuses it").toBe("INVALID_INPUT");
          if (outcome === "INVALID_INPUT") unchecked += 1;
          else writes = await writesSoFar(db);
          if (valid !== false || unchecked >= 100) await checkWrites();
        }),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
      await checkWrites();
      // The inputs must reach past authorisation and the schema's first check, or the test proves little.
      expect(outcomes.get("FORBIDDEN") ?? 0, JSON.stringify(Object.fromEntries(outcomes))).toBeLessThan(FUZZ_RUNS);
      expect(outcomes.get("INVALID_INPUT") ?? 0).toBeGreaterThan(0);
    },
    FUZZ_RUNS * 200,
  );
});
