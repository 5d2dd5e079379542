import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

/** The Chromium the e2e tests drive: CHROMIUM_PATH, else Debian's, else whatever is on PATH. */
export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }

  return null;
}

export const CHROMIUM_HELP = `The end-to-end tests need Chromium and none was found.
Install Debian's:      sudo apt-get install -y chromium
or point at another:   CHROMIUM_PATH=/path/to/chrome npm test
(Unit and integration tests alone: npm test -- --only unit,integration)`;
