// PostgreSQL only: SQLite's driver compiles from source on machines without its prebuilt download.
export default ({ env }) => ({
  connection: {
    client: "postgres",
    connection: { connectionString: env("DATABASE_URL") },
    pool: { min: 0, max: env.int("DATABASE_POOL_MAX", 5) },
    acquireConnectionTimeout: 60_000,
  },
});
