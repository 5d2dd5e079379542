import type { ReactNode } from "react";
import { QueryProvider } from "@/components/storefront/query-provider";
import { SiteHeader } from "@/components/storefront/site-header";
import { getSessionUser } from "@/server/auth/session";

// Chrome only. Every storefront page authorises the visitor itself (requirePageUser).
export default async function StorefrontLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();

  return (
    <>
      {user && <SiteHeader user={user} />}
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </>
  );
}
