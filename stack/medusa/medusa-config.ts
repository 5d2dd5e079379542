import { defineConfig, loadEnv } from "@medusajs/framework/utils";

loadEnv(process.env.NODE_ENV || "development", process.cwd());

// Tradepost's Medusa backend. Started by ../up.ts with DATABASE_URL, the CORS origins and
// the JWT/cookie secrets in the environment. Without REDIS_URL Medusa uses its in-memory
// cache, local event bus and in-memory workflow engine: right for one local instance.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:3000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:3000",
      authCors: process.env.AUTH_CORS ?? "http://localhost:3000",
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  // Tradepost is the back office; Medusa's dashboard is not served (saves ~0.5 GB).
  admin: { disable: true },
});
