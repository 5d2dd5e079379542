import { ApprovalPreview } from "@/components/approvals/approval-preview";
import { ApprovalWindowForm } from "@/components/approvals/approval-window-form";
import { RuleForm } from "@/components/approvals/rule-form";
import { RuleTable } from "@/components/approvals/rule-table";
import { PageHeader } from "@/components/portal/page-header";
import { Card } from "@/components/ui/card";
import { findApprovalSettings } from "@/server/approvals/find-approval-settings";
import { findApprovalCategories } from "@/server/approvals/find-approval-categories";
import { getApprovalCurrency } from "@/server/approvals/get-approval-currency";
import { organisationIdOf, requirePageUser } from "@/server/auth/session";

export const metadata = { title: "Approval rules" };

export default async function ApprovalRulesPage() {
  const user = await requirePageUser("organisation.approvals.manage");
  const [settings, currency, categories] = await Promise.all([
    findApprovalSettings(organisationIdOf(user)),
    getApprovalCurrency(),
    findApprovalCategories(),
  ]);

  return (
    <div className="space-y-8">
      <PageHeader
        title="Approval rules"
        description="An order matching several active rules needs each approval, one after the other, in this order. Nobody approves their own order."
      />
      <section className="space-y-3">
        <RuleTable rules={settings.rules} currency={currency} categories={categories} />
        <Card className="p-5">
          <h2 className="mb-4 text-base font-semibold">Add a rule</h2>
          <RuleForm currency={currency} categories={categories} />
        </Card>
      </section>
      <Card className="space-y-3 p-5">
        <h2 className="text-base font-semibold">Approval window and spending limits</h2>
        <ApprovalWindowForm hours={settings.approvalWindowHours} />
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
          <li>
            Spending limits (set per member) count calendar periods — a day, a week from Monday, a month or a quarter —
            in your organisation&apos;s time zone, <strong>{settings.timeZone}</strong>. Placed orders and orders
            waiting for approval both count.
          </li>
          <li>
            A buyer over their limit always needs approval: by the “Buyer over their spending limit” rule if you have
            one, otherwise by an org admin.
          </li>
        </ul>
      </Card>
      <Card className="space-y-3 p-5">
        <h2 className="text-base font-semibold">Preview</h2>
        <p className="text-sm text-slate-600">What would an order need under the active rules?</p>
        <ApprovalPreview members={settings.members} currency={currency} />
      </Card>
    </div>
  );
}
