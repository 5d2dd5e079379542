// Input generators for fuzzing the entry points with fast-check: mostly near-misses of the real
// shape (the right keys with values of every kind, plus fields the server decides), some anything
// at all. FUZZ_RUNS sets the cases per entry point (1,000 in `npm test`, 10,000 in `npm run test:fuzz`).
import fc from "fast-check";
import type { z } from "zod";
import type { TInputShape } from "./action-table";

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** Fields a client must never be able to set, and keys that poison prototypes. */
const HOSTILE_KEYS = ["price", "unitPriceMinor", "discount", "organisationId", "role", "__proto__", "constructor"];

const tricky = fc.constantFrom(
  "",
  " ",
  "0",
  "-1",
  "NaN",
  "null",
  "1e309",
  "' OR 1=1 --",
  '"; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "\u0000",
  "\ud800",
  "x".repeat(10_000),
  "2026-02-30",
  "00000000-0000-0000-0000-000000000000",
);

/** Values of every kind, with `ids` (real ids of another organisation) among them. */
export function anyValue(ids: readonly string[] = []): fc.Arbitrary<unknown> {
  const scalars = [
    fc.string({ maxLength: 40 }),
    fc.uuid(),
    tricky,
    fc.integer(),
    fc.constantFrom(0, -1, 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e309, -0),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  ];

  return fc.oneof(
    ...scalars,
    ...(ids.length ? [fc.constantFrom(...ids)] : []),
    fc.anything({ maxDepth: 2, maxKeys: 4 }),
  );
}

/** An object with some of `fields` (and maybe hostile ones), values of every kind. */
export function nearMiss(
  fields: readonly string[],
  ids: readonly string[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  const value = anyValue(ids);
  const known = fc.record(Object.fromEntries(fields.map((field) => [field, value])), { requiredKeys: [] });
  const hostile = fc.dictionary(fc.constantFrom(...HOSTILE_KEYS), value, { maxKeys: 2 });

  return fc
    .tuple(known, fc.oneof(fc.constant({}), hostile))
    .map(([base, extra]) => Object.assign(Object.create(null) as object, base, extra) as Record<string, unknown>)
    .map((input) => ({ ...input }));
}

const fieldsOf = (schema: z.ZodType): string[] => {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;

  return shape ? Object.keys(shape) : [];
};

/** Inputs for an action of the given shape. */
export function actionInput(shape: TInputShape, ids: readonly string[]): fc.Arbitrary<unknown> {
  const anything = fc.anything({ maxDepth: 3 });
  if (shape === "id") return fc.oneof(anyValue(ids), anything);
  if (shape === "ids") return fc.oneof(fc.array(anyValue(ids), { maxLength: 6 }), anything);
  if (shape === "none") return fc.constant(undefined);
  const fields = "object" in shape ? fieldsOf(shape.object) : shape.fields;

  return fc.oneof({ arbitrary: nearMiss(fields, ids), weight: 4 }, { arbitrary: anything, weight: 1 });
}
