import { afterAll, describe, expect, it } from "vitest";
import { createOrganisation, createUser, TEST_PASSWORD } from "../../prisma/seed/factories";
import { testDb } from "../../test/support/db";
import { SignInRefused, signInWithPassword } from "@/server/auth/sign-in-with-password";

const db = testDb();
afterAll(() => db.$disconnect());

let ipCounter = 0;
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function refusal(promise: Promise<unknown>): Promise<SignInRefused> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SignInRefused);

  return error as SignInRefused;
}

async function buyer(overrides: { isActive?: boolean } = {}) {
  const organisation = await createOrganisation(db);

  return createUser(db, { role: "BUYER", organisationId: organisation.id, ...overrides });
}

describe("signInWithPassword", () => {
  it("signs in with the right password, records the attempt and stamps lastLoginAt", async () => {
    const user = await buyer();
    const ip = freshIp();

    const signedIn = await signInWithPassword({
      input: { email: user.email.toUpperCase(), password: TEST_PASSWORD },
      ip,
    });

    expect(signedIn).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: "BUYER",
      organisationId: user.organisationId,
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lastLoginAt).not.toBeNull();
    expect(
      await db.loginAttempt.findMany({ where: { email: user.email }, select: { ip: true, succeeded: true } }),
    ).toEqual([{ ip, succeeded: true }]);
  });

  it("refuses a wrong password and an unknown email with the same reason, recording both", async () => {
    const user = await buyer();
    expect(
      (await refusal(signInWithPassword({ input: { email: user.email, password: "wrong" }, ip: freshIp() }))).reason,
    ).toBe("WRONG_CREDENTIALS");
    expect(
      (
        await refusal(
          signInWithPassword({ input: { email: "nobody@nowhere.example", password: "wrong" }, ip: freshIp() }),
        )
      ).reason,
    ).toBe("WRONG_CREDENTIALS");
    expect(
      await db.loginAttempt.count({
        where: { email: { in: [user.email, "nobody@nowhere.example"] }, succeeded: false },
      }),
    ).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });

  it("refuses a deactivated user and a member of a suspended organisation, even with the right password", async () => {
    const inactive = await buyer({ isActive: false });
    expect(
      (await refusal(signInWithPassword({ input: { email: inactive.email, password: TEST_PASSWORD }, ip: freshIp() })))
        .reason,
    ).toBe("ACCOUNT_INACTIVE");

    const suspended = await createOrganisation(db, { status: "SUSPENDED" });
    const member = await createUser(db, { role: "ORG_ADMIN", organisationId: suspended.id });
    expect(
      (await refusal(signInWithPassword({ input: { email: member.email, password: TEST_PASSWORD }, ip: freshIp() })))
        .reason,
    ).toBe("ORGANISATION_SUSPENDED");
  });

  it("locks an email out after 5 failures, even for the right password, and says for how long", async () => {
    const user = await buyer();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await refusal(signInWithPassword({ input: { email: user.email, password: `guess-${attempt}` }, ip: freshIp() }));
    }
    const locked = await refusal(
      signInWithPassword({ input: { email: user.email, password: TEST_PASSWORD }, ip: freshIp() }),
    );

    expect(locked.reason).toBe("RATE_LIMITED");
    expect(locked.retryAfterMinutes).toBe(15);
    expect(locked.message).toBe("RATE_LIMITED:15");
    // Attempts while locked are not recorded, so hammering does not extend the lockout.
    expect(await db.loginAttempt.count({ where: { email: user.email } })).toBe(5);
  });

  it("checks at most 5 of 20 parallel wrong passwords for one email; the rest are refused unchecked", async () => {
    const user = await buyer();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, attempt) =>
        refusal(signInWithPassword({ input: { email: user.email, password: `parallel-${attempt}` }, ip: freshIp() })),
      ),
    );
    const reasons = outcomes.map((outcome) => outcome.reason);

    // Only a checked password can answer WRONG_CREDENTIALS; every other attempt was turned away before bcrypt.
    const checked = reasons.filter((reason) => reason === "WRONG_CREDENTIALS").length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(reasons.filter((reason) => reason !== "WRONG_CREDENTIALS")).toEqual(
      Array(20 - checked).fill("RATE_LIMITED"),
    );
    expect(await db.loginAttempt.count({ where: { email: user.email } })).toBe(checked);

    // Whatever the burst left, the email gets 5 checked failures in all, then is locked even for the right password.
    for (let attempt = checked; attempt < 5; attempt += 1) {
      expect(
        (
          await refusal(
            signInWithPassword({ input: { email: user.email, password: `then-${attempt}` }, ip: freshIp() }),
          )
        ).reason,
      ).toBe("WRONG_CREDENTIALS");
    }
    expect(
      (await refusal(signInWithPassword({ input: { email: user.email, password: TEST_PASSWORD }, ip: freshIp() })))
        .reason,
    ).toBe("RATE_LIMITED");
    expect(await db.loginAttempt.count({ where: { email: user.email } })).toBe(5);
  });

  it("checks at most the per-IP limit when one IP sends parallel attempts for many emails", async () => {
    const ip = freshIp();
    await db.loginAttempt.createMany({
      data: Array.from({ length: 27 }, (_, index) => ({ email: `earlier-${index}@x.example`, ip, succeeded: false })),
    });
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, attempt) =>
        refusal(signInWithPassword({ input: { email: `spray-${attempt}-${ip}@x.example`, password: "guess" }, ip })),
      ),
    );
    const reasons = outcomes.map((outcome) => outcome.reason);

    const checked = reasons.filter((reason) => reason === "WRONG_CREDENTIALS").length;
    expect(checked).toBeLessThanOrEqual(3);
    expect(reasons.filter((reason) => reason !== "WRONG_CREDENTIALS")).toEqual(
      Array(12 - checked).fill("RATE_LIMITED"),
    );
    expect(await db.loginAttempt.count({ where: { ip } })).toBe(27 + checked);
  });

  it("lets an email in again once its failures are older than the window", async () => {
    const user = await buyer();
    const old = new Date(Date.now() - 16 * 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: 5 }, () => ({ email: user.email, ip: "10.9.9.9", succeeded: false, at: old })),
    });

    await expect(
      signInWithPassword({ input: { email: user.email, password: TEST_PASSWORD }, ip: freshIp() }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("locks out an IP that fails across many emails", async () => {
    const ip = freshIp();
    await db.loginAttempt.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({ email: `probe-${index}@x.example`, ip, succeeded: false })),
    });
    const user = await buyer();

    expect(
      (await refusal(signInWithPassword({ input: { email: user.email, password: TEST_PASSWORD }, ip }))).reason,
    ).toBe("RATE_LIMITED");
    await expect(
      signInWithPassword({ input: { email: user.email, password: TEST_PASSWORD }, ip: freshIp() }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it.each([
    ["a malformed email", { email: "not-an-email", password: "x" }],
    ["an SQL-ish email", { email: "' OR '1'='1' --", password: "' OR '1'='1" }],
    ["an over-long password", { email: "a@b.example", password: "p".repeat(5_000) }],
    ["an over-long email", { email: `${"a".repeat(300)}@b.example`, password: "x" }],
    ["no input at all", undefined],
    ["wrong types", { email: 42, password: ["x"] }],
  ])("refuses %s as INVALID_INPUT and writes nothing", async (_label, input) => {
    const [attemptsBefore, usersBefore] = await Promise.all([db.loginAttempt.count(), db.user.count()]);

    expect((await refusal(signInWithPassword({ input, ip: freshIp() }))).reason).toBe("INVALID_INPUT");
    expect(await db.loginAttempt.count()).toBe(attemptsBefore);
    expect(await db.user.count()).toBe(usersBefore);
  });
});
