// Demo content for every demo product, published in English and German. Idempotent: a product
// that already has content (in any state) is left alone, so an editor's changes survive restarts.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Core } from "@strapi/strapi";
import { DEMO_CONTENT, type TDemoContent, type TLocalised } from "./demo-content";
import { demoDataSheet, demoPictures } from "./demo-media";

const UID = "api::product-content.product-content";

export async function seedDemoContent(strapi: Core.Strapi): Promise<number> {
  let created = 0;
  for (const content of DEMO_CONTENT) {
    const existing = await strapi.db.query(UID).findOne({ where: { sku: content.sku }, select: ["id"] });
    if (existing) continue;
    const media = await uploadMedia(strapi, content);
    const document = await strapi.documents(UID).create({
      locale: "en",
      status: "published",
      // Untyped: the generated content-type typings are not kept in the repository.
      data: { sku: content.sku, ...localised(content.en), ...media } as never,
    });
    await strapi.documents(UID).update({
      documentId: document.documentId,
      locale: "de",
      status: "published",
      data: { sku: content.sku, ...localised(content.de), ...media } as never,
    });
    created += 1;
  }

  return created;
}

function localised(text: TLocalised) {
  return {
    title: text.title,
    description: [
      { type: "paragraph", children: [{ type: "text", text: text.intro }] },
      {
        type: "list",
        format: "unordered",
        children: text.bullets.map((bullet) => ({ type: "list-item", children: [{ type: "text", text: bullet }] })),
      },
    ],
    specifications: text.specifications.map((row) => ({ label: row.label, value: row.value, unit: row.unit ?? null })),
  };
}

async function uploadMedia(
  strapi: Core.Strapi,
  content: TDemoContent,
): Promise<{ images: number[]; documents: number[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), "tradepost-strapi-seed-"));
  try {
    const pictures = await demoPictures(content);
    const slug = content.sku.toLowerCase();
    const images = [];
    for (const [index, picture] of pictures.entries()) {
      const name = `${slug}-${index === 0 ? "front" : "detail"}.jpg`;
      images.push(
        await upload(
          strapi,
          dir,
          name,
          "image/jpeg",
          picture,
          `${content.en.title}, ${index === 0 ? "front view" : "detail"}`,
        ),
      );
    }
    const sheet = await upload(
      strapi,
      dir,
      `${slug}-data-sheet.pdf`,
      "application/pdf",
      demoDataSheet(content),
      `${content.en.title} data sheet`,
    );

    return { images, documents: [sheet] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function upload(
  strapi: Core.Strapi,
  dir: string,
  name: string,
  mimetype: string,
  bytes: Buffer,
  alternativeText: string,
): Promise<number> {
  const filepath = path.join(dir, name);
  await writeFile(filepath, bytes);
  const [file] = await strapi
    .plugin("upload")
    .service("upload")
    .upload({
      data: { fileInfo: { name, alternativeText, caption: alternativeText } },
      files: { filepath, originalFilename: name, mimetype, size: bytes.byteLength },
    });

  return file.id;
}
