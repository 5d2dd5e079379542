import type { ReactNode } from "react";
import { OperationsTabs } from "@/components/operations/operations-tabs";

// Chrome only: every operations page authorises the visitor itself (requirePageUser).
export default function OperationsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <OperationsTabs />
      {children}
    </>
  );
}
