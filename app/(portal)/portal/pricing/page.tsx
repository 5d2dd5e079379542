import { NewRuleSetButton } from "@/components/portal/pricing/new-rule-set-button";
import { RuleSetCard } from "@/components/portal/pricing/rule-set-card";
import { PageHeader } from "@/components/portal/page-header";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { findRuleSets } from "@/server/pricing/find-rule-sets";

export const metadata = { title: "Price lists" };

export default async function PricingPage() {
  const user = await requirePageUser("pricing.read");
  const ruleSets = await findRuleSets();
  const canWrite = hasPermission(user.role, "pricing.write");

  return (
    <>
      <PageHeader
        title="Price lists"
        description="Pricing rules per currency. Edit a draft, check it, have it approved and publish it; every published version stays available for rollback."
        actions={canWrite && <NewRuleSetButton />}
      />
      {ruleSets.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          No price lists yet.
        </p>
      ) : (
        <div className="space-y-6">
          {ruleSets.map((ruleSet) => (
            <RuleSetCard key={ruleSet.id} ruleSet={ruleSet} canWrite={canWrite} />
          ))}
        </div>
      )}
    </>
  );
}
