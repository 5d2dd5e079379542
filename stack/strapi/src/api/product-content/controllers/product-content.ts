import { factories } from "@strapi/strapi";

export default factories.createCoreController("api::product-content.product-content");
