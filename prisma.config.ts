import { defineConfig } from "prisma/config";

// The CLI needs a URL only for commands that touch the database; `generate` does not.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unset" },
});
