import "server-only";
import { findCategories } from "@/server/catalog/find-products";

/** The catalogue's categories for the rule form's suggestions; none while Medusa is unreachable (typing still works). */
export async function findApprovalCategories(): Promise<{ handle: string; name: string }[]> {
  try {
    return (await findCategories()).map(({ handle, name }) => ({ handle, name }));
  } catch {
    return [];
  }
}
