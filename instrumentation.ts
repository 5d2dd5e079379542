// Runs once when the server starts: a bad or missing environment variable stops the app
// here, naming the variable, instead of failing later on some request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/server/env");
  getEnv();
}
