export default ({ env }) => ({
  auth: { secret: env("ADMIN_JWT_SECRET") },
  apiToken: { salt: env("API_TOKEN_SALT") },
  transfer: { token: { salt: env("TRANSFER_TOKEN_SALT") } },
  // Needed to read an API token back after creating it (the bootstrap hands it to Tradepost).
  secrets: { encryptionKey: env("ENCRYPTION_KEY") },
  // Tests run the REST API only; the admin bundle is built for the demo.
  serveAdminPanel: env.bool("SERVE_ADMIN", true),
  flags: { nps: false, promoteEE: false },
});
