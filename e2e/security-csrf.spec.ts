import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, expectSignedIn, signIn, test } from "./support/fixtures";

// CSRF against the built app: a signed-in org admin's browser is made to post a server action
// (deactivate a member) from another site, or from a sandboxed frame (Origin: null). Next must
// refuse both before the action runs; the same request from the app's own origin is the control.
// The action's id comes from the build's manifest, as an attacker would read it from the bundle.

type TManifest = { node: Record<string, { workers: Record<string, unknown>; exportedName?: string }> };

function findAction(exportedName: string): { id: string; pagePath: string } {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as TManifest;
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName !== exportedName) continue;
    const page = Object.keys(entry.workers).find((worker) => !worker.includes("["));
    if (!page) continue;
    const pagePath =
      page
        .replace(/^app/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/page$/, "") || "/";

    return { id, pagePath };
  }
  throw new Error(`${exportedName} is not in the build's server-reference manifest`);
}

test("[SECURITY] a server action posted from another origin or Origin: null is refused; from the app's origin it runs", async ({
  page,
  seedOrganisation,
  db,
  baseURL,
}) => {
  const { admin, buyer } = await seedOrganisation();
  await signIn(page, admin.email);
  await expectSignedIn(page, /\/$|\/catalog|\/portal/);
  const { id, pagePath } = findAction("setMemberActiveAction");
  const post = (origin: string) =>
    page.request.post(pagePath, {
      headers: {
        "next-action": id,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin,
      },
      data: JSON.stringify([{ userId: buyer.id, isActive: false }]),
      maxRedirects: 0,
    });
  const isActive = async () => (await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).isActive;

  for (const origin of ["https://evil.example", "null"]) {
    const response = await post(origin);
    expect(response.status(), origin).toBeGreaterThanOrEqual(400);
    expect(await isActive(), origin).toBe(true);
  }

  const own = await post(new URL(baseURL!).origin);
  expect(own.status()).toBe(200);
  await expect.poll(isActive).toBe(false);
});
