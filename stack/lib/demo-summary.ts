import { DEMO_USERS } from "../../prisma/seed/demo-data";
import { STRAPI_EDITOR } from "./strapi";

export function printSummary({
  appPort,
  medusaPort,
  odooPort,
  password,
  logDir,
  embeddedPg,
  pgPort,
  mailInboxUrl,
  strapiPort,
}: {
  appPort: number;
  medusaPort: number;
  odooPort: number;
  password: string;
  logDir: string;
  embeddedPg: boolean;
  pgPort: number;
  mailInboxUrl: string;
  strapiPort: number;
}): void {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  const logins = DEMO_USERS.map(
    (user) => `    ${user.email.padEnd(width)}  ${user.role.padEnd(12)}  ${user.organisation ?? "Tradepost staff"}`,
  );
  console.log(`
Tradepost is running.

  Storefront and portal   http://localhost:${appPort}
  Health                  http://localhost:${appPort}/api/health
  Medusa backend          http://localhost:${medusaPort}
  Odoo emulator           http://localhost:${odooPort}
  Strapi (PIM) admin      http://localhost:${strapiPort}/admin  (editor: ${STRAPI_EDITOR.email} / ${STRAPI_EDITOR.password})
  PostgreSQL              ${embeddedPg ? `embedded, port ${pgPort}` : "from DATABASE_URL"}
  Mail inbox (maildev)    ${mailInboxUrl}  — every email the app sends (invitations, resets) lands here
  Logs                    ${logDir}

  Demo logins (password: ${password})
${logins.join("\n")}

  Price lists (data manager): http://localhost:${appPort}/portal/pricing — a published EUR
  list prices every product differently for Acme and Borealis; maker–checker is off here.

Press Ctrl-C to stop everything.
`);
}
