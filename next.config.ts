import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The build checks the application's types; tests and tooling are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Server-only packages with native or worker-thread parts are loaded by Node, not bundled.
  serverExternalPackages: ["pino", "pino-pretty", "pg", "pg-boss", "@prisma/adapter-pg"],
};

export default nextConfig;
