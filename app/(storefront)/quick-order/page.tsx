import { QuickOrderForm } from "@/components/storefront/quick-order-form";
import { requirePageUser } from "@/server/auth/session";

export const metadata = { title: "Quick order" };

export default async function QuickOrderPage() {
  await requirePageUser("cart.manage");

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Quick order</h1>
        <p className="text-slate-600">
          Standard articles by SKU, at your organisation&apos;s prices. Made-to-order products are configured on their
          own pages.
        </p>
      </div>
      <QuickOrderForm />
    </div>
  );
}
