// Acts as a Strapi editor in tests: logs in to the admin API with the demo editor's login (given
// by stack/test.ts) and changes, publishes and unpublishes product content through the content
// manager, as the admin panel does.

const MODEL = "api::product-content.product-content";

export type TStrapiEditor = {
  update(documentId: string, locale: string, data: Record<string, unknown>): Promise<void>;
  create(locale: string, data: Record<string, unknown>, options?: { publish?: boolean }): Promise<string>;
  publish(documentId: string, locale: string): Promise<void>;
  unpublish(documentId: string, locale: string): Promise<void>;
  remove(documentId: string): Promise<void>;
  /** The documentId of a SKU's content (drafts included). */
  documentIdOf(sku: string): Promise<string>;
};

export async function strapiEditor(env: Record<string, string | undefined> = process.env): Promise<TStrapiEditor> {
  const url = env.STRAPI_URL;
  const email = env.TEST_STRAPI_EDITOR_EMAIL;
  const password = env.TEST_STRAPI_EDITOR_PASSWORD;
  if (!url || !email || !password)
    throw new Error("Run through `npm test`: STRAPI_URL and the editor login are missing.");
  const login = await fetch(`${url}/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`Strapi admin login failed: ${login.status} ${await login.text()}`);
  const { data } = (await login.json()) as { data: { token: string } };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/content-manager/collection-types/${MODEL}${path}`, {
      method,
      headers: { authorization: `Bearer ${data.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);

    return (await response.json()) as { data?: { documentId: string }; results?: { documentId: string }[] };
  };

  return {
    update: async (documentId, locale, fields) => {
      await call("PUT", `/${documentId}?locale=${locale}`, fields);
    },
    create: async (locale, fields, { publish = true } = {}) => {
      const created = await call("POST", `?locale=${locale}`, fields);
      const documentId = created.data!.documentId;
      if (publish) await call("POST", `/${documentId}/actions/publish?locale=${locale}`, {});

      return documentId;
    },
    publish: async (documentId, locale) => {
      await call("POST", `/${documentId}/actions/publish?locale=${locale}`, {});
    },
    unpublish: async (documentId, locale) => {
      await call("POST", `/${documentId}/actions/unpublish?locale=${locale}`, {});
    },
    remove: async (documentId) => {
      await call("DELETE", `/${documentId}?locale=*`);
    },
    documentIdOf: async (sku) => {
      const found = await call("GET", `?filters[sku][$eq]=${encodeURIComponent(sku)}&locale=en`);
      const documentId = found.results?.[0]?.documentId;
      if (!documentId) throw new Error(`No Strapi content for ${sku}`);

      return documentId;
    },
  };
}
