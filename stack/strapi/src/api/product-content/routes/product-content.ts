import { factories } from "@strapi/strapi";

export default factories.createCoreRouter("api::product-content.product-content");
