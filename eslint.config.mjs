// ESLint: Next's rules (core web vitals, TypeScript) plus the house rules of ARCHITECTURE.md
// that can be checked by a machine — above all the one-way layering:
//   app → components, server, lib;  server → lib;  components → lib (+ server actions);
//   lib imports nothing of ours; only server/medusa talks to Medusa; only server/odoo to Odoo;
//   process.env only in server/env.ts (and the stack, scripts and tests, which configure processes).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const ours = (...folders) => folders.flatMap((folder) => [`@/${folder}`, `@/${folder}/**`]);
const restrict = (patterns) => ["error", { patterns }];
const medusaSdk = { group: ["@medusajs/*"], message: "Only server/medusa talks to Medusa: add a function there." };
const odooLayer = {
  group: ["@/server/odoo/client", "@/server/odoo/transports", "@/server/odoo/http"],
  message: "Use cases reach Odoo through its gateways (server/odoo/<entity>.ts), never the client directly.",
  allowTypeImports: true,
};

const config = [
  {
    ignores: [
      ".next/**",
      "generated/**",
      "node_modules/**",
      "stack/medusa/**",
      "stack/strapi/**",
      ".stack/**",
      "e2e/screenshots/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      // React Compiler advice: worth following, not worth failing a build over.
      "react-hooks/set-state-in-effect": "warn",
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read settings through getEnv() (server/env.ts): they are validated at start.",
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": restrict([
        {
          group: ours("app", "components", "server", "stack", "generated", "prisma"),
          message: "lib/ is pure: it imports nothing of ours outside lib/.",
        },
        medusaSdk,
      ]),
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": restrict([
        { group: ours("app", "stack", "prisma"), message: "Components import lib/ and server actions only." },
        {
          regex: "^@/server/(?!actions/)",
          message: "Components import lib/ and server actions only (types from server/ are fine: `import type`).",
          allowTypeImports: true,
        },
        medusaSdk,
      ]),
    },
  },
  {
    files: ["server/**"],
    ignores: ["server/medusa/**", "server/odoo/**", "server/**/*.test.ts"],
    rules: {
      "no-restricted-imports": restrict([
        { group: ours("app", "components", "stack"), message: "server/ imports lib/ only (and itself)." },
        medusaSdk,
        odooLayer,
      ]),
    },
  },
  {
    files: ["server/medusa/**", "server/odoo/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": restrict([
        { group: ours("app", "components", "stack"), message: "server/ imports lib/ only (and itself)." },
      ]),
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": restrict([
        { group: ours("stack"), message: "Application code never imports the local stack." },
        medusaSdk,
        odooLayer,
      ]),
    },
  },
  {
    // Outside React code, `use…` is not a hook (Playwright fixtures, test helpers, the migration engine).
    files: ["server/**", "scripts/**", "stack/**", "test/**", "e2e/**", "bench/**", "prisma/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["stack/**", "scripts/**", "bench/**"],
    rules: { "@next/next/no-assign-module-variable": "off" },
  },
  {
    files: ["*.config.*", "eslint.config.mjs", "postcss.config.mjs"],
    rules: { "import/no-anonymous-default-export": "off" },
  },
  {
    // The places that configure processes: they read and set the environment on purpose.
    files: [
      "server/env.ts",
      "server/logger.ts",
      "instrumentation.ts",
      "stack/**",
      "scripts/**",
      "test/**",
      "e2e/**",
      "bench/**",
      "prisma/**",
      "**/*.test.ts",
      "*.config.*",
      "next.config.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
];

export default config;
