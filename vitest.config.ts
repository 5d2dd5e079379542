import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "test/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "server/**/*.test.ts", "stack/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**", "stack/medusa/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**", "stack/medusa/**"],
          environment: "node",
          setupFiles: ["test/integration-setup.ts"],
          // Load Medusa's SDK as Node does, not through Vite (its source maps name files it does not ship).
          server: { deps: { external: [/@medusajs\/js-sdk/] } },
          // One file at a time: each gets its own database, but the machine has 2 cores and
          // some files start and stop PostgreSQL servers and processes of their own.
          fileParallelism: false,
          pool: "forks",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
