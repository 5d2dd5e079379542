/**
 * The largest value of a PostgreSQL `integer` column. Ids and counters that end up in one (Odoo
 * ids, revisions) are capped at it in input schemas: a larger number is bad input (422), not a
 * database error (500). Found by fuzzing (test/security/fuzz-actions.integration.test.ts).
 */
export const PG_INT_MAX = 2_147_483_647;
