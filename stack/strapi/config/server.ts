export default ({ env }) => ({
  host: env("HOST", "127.0.0.1"),
  port: env.int("PORT", 1337),
  // The public URL the media links are built from (the browser loads images from Strapi).
  url: env("PUBLIC_URL", ""),
  app: { keys: env.array("APP_KEYS") },
  // Uploaded media outside the project, so the demo's and the tests' files stay apart.
  dirs: { public: env("STRAPI_PUBLIC_DIR", "./public") },
  webhooks: { populateRelations: false },
});
