import Link from "next/link";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { requirePageUser } from "@/server/auth/session";
import { getCheckoutView } from "@/server/checkout/get-checkout-view";

export const metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const user = await requirePageUser("checkout.place");
  const view = await getCheckoutView(user);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Checkout</h1>
        <p className="text-slate-600">
          Ordering for {user.organisationName ?? "your organisation"}. Every price is checked again when you place the
          order.
        </p>
      </div>
      {!view ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          Your cart is empty.{" "}
          <Link href="/catalog" className="font-medium text-brand-700 underline">
            Browse the catalogue
          </Link>
          .
        </p>
      ) : !view.linked || !view.addresses.length ? (
        <p className="rounded-xl border border-amber-200 bg-amber-50 p-6 text-amber-900" role="alert">
          Your organisation&apos;s account in our ERP has no delivery address yet, so orders cannot be placed. Please
          contact your sales representative.
        </p>
      ) : (
        <CheckoutForm view={view} />
      )}
    </div>
  );
}
