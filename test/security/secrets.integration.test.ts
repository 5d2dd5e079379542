// The secrets scan: the repository always; the build output when a build is there (the e2e tier
// builds and then checks it again in e2e/security-build-secrets.spec.ts). The patterns must find
// what they are for, or a clean result proves nothing.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./entry-points";
import { findSecrets } from "./secret-patterns";
import { scanBuild, scanRepository } from "./secrets-scan";

describe("secrets scan", () => {
  it.each([
    // Samples are pieced together so that this file does not hold them whole (the scan reads it too).
    ["private key", ["-----BEGIN RSA", "PRIVATE KEY-----"].join(" ")],
    ["GitHub token", `token: ghp_${"a1B2c3D4e5".repeat(4)}`],
    ["AWS access key", `AKIA${"IOSFODNN7EXAMPL3"}`],
    ["Medusa secret API key", `MEDUSA_SECRET_API_KEY=sk_${"0123456789abcdef".repeat(4)}`],
    ["password in a URL", `DATABASE_URL=postgresql://app:${"s3cr3t-pa55word"}@db.internal:5432/tradepost`],
    ["high-entropy secret assignment", `const apiKey = "${"q8ZxR2vLm0TnW4bJ7yKc1PdF"}";`],
  ])("finds a %s", (kind, text) => {
    expect(findSecrets("sample.ts", text).map((finding) => finding.kind)).toContain(kind);
  });

  it("spares readable made-up test values", () => {
    expect(findSecrets("sample.ts", `const TOKEN = "tok_current_0123456789abcdefXYZ";`)).toEqual([]);
  });

  it("finds no secret in the repository (beyond the documented allow-list)", () => {
    expect(scanRepository()).toEqual([]);
  });

  it.runIf(existsSync(path.join(ROOT, ".next", "static")))(
    "finds no secret in the build, and no demo or test default in the client bundle",
    () => {
      const { checkedFiles, problems } = scanBuild();
      expect(checkedFiles).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    },
  );
});
