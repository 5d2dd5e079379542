import { scanBuild } from "../test/security/secrets-scan";
import { expect, test } from "./support/fixtures";

// The production build the e2e tier just made and serves: no secret-shaped string and none of the
// local stack's generated secrets in .next, no demo or test default in what browsers download.
test("[SECURITY] the build output holds no secrets, and the client bundle no demo or test defaults", () => {
  const { checkedFiles, problems } = scanBuild();
  expect(checkedFiles).toBeGreaterThan(10);
  expect(problems).toEqual([]);
});
