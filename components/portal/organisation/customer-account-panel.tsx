import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatAge } from "@/lib/erp/customer-account";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/pricing/units";
import type { TCachedCustomerAccount } from "@/server/erp/get-cached-customer-account";

const TYPE_LABELS: Record<string, string> = {
  contact: "Main address",
  delivery: "Delivery",
  invoice: "Invoice",
  other: "Other",
};

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="space-y-1">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * The organisation's account with us, read-only, from the ERP cache (Odoo is the source). With
 * `canRequestAddressChange` (an org admin, whose page shows the request form below), the hint
 * points there for addresses instead of to the account manager.
 */
export function CustomerAccountPanel({
  account,
  now,
  canRequestAddressChange = false,
}: {
  account: TCachedCustomerAccount;
  now: Date;
  canRequestAddressChange?: boolean;
}) {
  if (!account.linked)
    return (
      <Card className="space-y-2 p-6" data-testid="customer-account-empty">
        <h2 className="text-lg font-semibold">Account with us</h2>
        <p className="text-slate-600">
          Your organisation is not linked to our ERP yet, so there are no addresses, credit limit or payment terms to
          show. Your account manager links it with your organisation reference:
        </p>
        <p className="font-mono text-sm text-slate-800">{account.reference}</p>
      </Card>
    );
  const money = (minor: number | null) => (minor === null ? "—" : formatMoney(minor, account.currency));
  const overLimit = account.availableCreditMinor !== null && account.availableCreditMinor < 0;

  return (
    <section className="space-y-4" aria-labelledby="customer-account-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="customer-account-title" className="text-lg font-semibold">
          Account with us {!account.active && <Badge tone="danger">Blocked</Badge>}
        </h2>
        <p className="text-sm text-slate-500" title={formatDateTime(account.updatedAt)} data-testid="account-updated">
          Last updated {formatAge(account.updatedAt, now)}
        </p>
      </div>
      {account.salesWarning && (
        <p className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {account.salesWarning}
        </p>
      )}
      <Card className="p-6">
        <dl className="grid grid-cols-2 gap-6 md:grid-cols-5">
          <Figure label="Credit limit" testId="credit-limit">
            {account.creditLimitMinor === null ? "No limit" : money(account.creditLimitMinor)}
          </Figure>
          <Figure label="Amount due" testId="amount-due">
            {money(account.amountDueMinor)}
          </Figure>
          <Figure label="Available credit" testId="available-credit">
            <span className={overLimit ? "text-red-700" : undefined}>{money(account.availableCreditMinor)}</span>
          </Figure>
          <Figure label="Payment terms" testId="payment-terms">
            {account.paymentTermName ?? "—"}
          </Figure>
          <Figure label="Salesperson" testId="salesperson">
            {account.salespersonName ?? "—"}
          </Figure>
        </dl>
      </Card>
      <Table>
        <THead>
          <tr>
            <Th>Type</Th>
            <Th>Address</Th>
            <Th>Phone</Th>
          </tr>
        </THead>
        <TBody>
          {account.addresses.map((address) => (
            <tr key={address.id} data-testid="address-row">
              <Td className="align-top font-medium text-slate-900">{TYPE_LABELS[address.type] ?? address.type}</Td>
              <Td>
                {address.name && <div className="font-medium text-slate-900">{address.name}</div>}
                {address.lines.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </Td>
              <Td className="align-top">{address.phone ?? "—"}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <p className="text-sm text-slate-500">
        {canRequestAddressChange
          ? "To change an address, request it below; to change your terms, contact your account manager."
          : "To change an address or your terms, contact your account manager."}
      </p>
    </section>
  );
}
