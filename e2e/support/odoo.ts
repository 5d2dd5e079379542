// Acting as Odoo's users in end-to-end tests: records written through Odoo's JSON-2 API, and
// the emulator's "act as an Odoo user" admin actions, which fire webhooks as Odoo's UI would.

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests with npm test.`);

  return value;
};

export async function odooCall<T>(model: string, method: string, body: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${env("ODOO_URL")}/json/2/${model}/${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `bearer ${env("ODOO_API_KEY")}`,
      "x-odoo-database": env("ODOO_DB"),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Odoo ${model}.${method}: HTTP ${response.status} ${await response.text()}`);

  return (await response.json()) as T;
}

export async function emulatorAction(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${env("ODOO_URL")}/__emulator/${path}`, {
    method: path === "faults/webhooks" ? "PUT" : "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${env("ODOO_EMULATOR_ADMIN_TOKEN")}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Emulator ${path}: HTTP ${response.status} ${await response.text()}`);

  return response.json();
}
