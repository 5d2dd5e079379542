import Link from "next/link";
import { CartLines } from "@/components/storefront/cart-lines";
import { requirePageUser } from "@/server/auth/session";
import { getCartView } from "@/server/cart/get-cart-view";

export const metadata = { title: "Cart" };

export default async function CartPage() {
  const user = await requirePageUser("cart.manage");
  const view = await getCartView(user);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Cart</h1>
        <p className="text-slate-600">
          Prices for {user.organisationName ?? "your organisation"}, checked again every time you open this page.
        </p>
      </div>
      {view && view.lines.length ? (
        <>
          <CartLines view={view} />
          <div className="flex justify-end">
            <Link
              href="/checkout"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Proceed to checkout
            </Link>
          </div>
        </>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          Your cart is empty.{" "}
          <Link href="/catalog" className="font-medium text-brand-700 underline">
            Browse the catalogue
          </Link>{" "}
          or use the{" "}
          <Link href="/quick-order" className="font-medium text-brand-700 underline">
            quick order
          </Link>
          .
        </p>
      )}
    </div>
  );
}
