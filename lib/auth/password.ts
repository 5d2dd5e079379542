import bcrypt from "bcryptjs";

// bcrypt with cost 11 (~100 ms here): slow enough to make guessing expensive, fast enough
// for a sign-in. Pure JavaScript, so it needs no native build.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A hash of nothing anyone knows: compared against when an email is unknown, to keep timing equal. */
export const UNUSABLE_PASSWORD_HASH = bcrypt.hashSync("tradepost: no such user", COST);
