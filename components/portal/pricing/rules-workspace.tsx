"use client";

import { useMemo, useState } from "react";
import { ConflictsPanel } from "@/components/portal/pricing/conflicts-panel";
import { CsvImport } from "@/components/portal/pricing/csv-import";
import type { TColumnContext } from "@/components/portal/pricing/rule-columns";
import type { TEditorCatalog } from "@/components/portal/pricing/rule-kind-fields";
import { RuleTable } from "@/components/portal/pricing/rule-table";
import { PolicyCard } from "@/components/portal/pricing/policy-card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import type { TFinding } from "@/lib/pricing/conflicts";
import { RULE_KIND_LABELS, ruleConcernsProduct, searchableText } from "@/lib/pricing/describe-rule";
import { RULE_KINDS, type TPricingPolicy, type TPricingRule, type TRuleKind } from "@/lib/pricing/rules";

type TProps = {
  versionId: string;
  currency: string;
  rules: TPricingRule[];
  policy: TPricingPolicy;
  editable: boolean;
  findings: TFinding[];
  acknowledged: string[];
  catalogueAvailable: boolean;
  catalog: TEditorCatalog;
};

/** The rules tab: one table per rule kind with filters, and the checks and policy beside it. */
export function RulesWorkspace({
  versionId,
  currency,
  rules,
  policy,
  editable,
  findings,
  acknowledged,
  catalogueAvailable,
  catalog,
}: TProps) {
  const [kind, setKind] = useState<TRuleKind>("base_price");
  const [search, setSearch] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [productHandle, setProductHandle] = useState("");
  const [onlyIds, setOnlyIds] = useState<string[] | null>(null);
  const [adding, setAdding] = useState(false);

  const context = useMemo((): TColumnContext => {
    const names = new Map(catalog.organisations.map((organisation) => [organisation.id, organisation.name]));
    const findingsByRule = new Map<string, TFinding[]>();
    for (const finding of findings)
      for (const id of finding.ruleIds) findingsByRule.set(id, [...(findingsByRule.get(id) ?? []), finding]);

    return { currency, organisationName: (id) => names.get(id) ?? "Unknown organisation", findingsByRule };
  }, [catalog.organisations, findings, currency]);

  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const product = catalog.products.find((item) => item.handle === productHandle);

    return rules.filter(
      (rule) =>
        rule.kind === kind &&
        (!product || ruleConcernsProduct(rule, product)) &&
        (!onlyIds || onlyIds.includes(rule.id)) &&
        (!organisationId || ("organisationId" in rule && rule.organisationId === organisationId)) &&
        (!needle || searchableText(rule, { organisation: context.organisationName }).includes(needle)),
    );
  }, [rules, kind, onlyIds, organisationId, productHandle, search, context, catalog.products]);

  function showRules(ids: string[]) {
    const first = rules.find((rule) => ids.includes(rule.id));
    if (first) setKind(first.kind);
    setOnlyIds(ids);
  }

  return (
    <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-4">
        <div className="flex flex-wrap gap-1" role="tablist" aria-label="Rule kinds">
          {RULE_KINDS.map((item) => (
            <button
              key={item}
              type="button"
              role="tab"
              aria-selected={item === kind}
              onClick={() => (setKind(item), setOnlyIds(null), setAdding(false))}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium",
                item === kind
                  ? "bg-brand-600 text-white"
                  : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50",
              )}
            >
              {RULE_KIND_LABELS[item].many}{" "}
              <span className="ml-1 opacity-90">{rules.filter((rule) => rule.kind === item).length}</span>
            </button>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <div className="w-72">
            <Input
              className="h-9"
              type="search"
              placeholder="Search id, SKU, product, note…"
              aria-label="Search rules"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <div className="w-60">
            <Select
              className="h-9"
              aria-label="Filter by product"
              value={productHandle}
              onChange={(event) => setProductHandle(event.target.value)}
            >
              <option value="">All products</option>
              {catalog.products.map((product) => (
                <option key={product.handle} value={product.handle}>
                  {product.title ?? product.handle}
                </option>
              ))}
            </Select>
          </div>
          {["org_discount", "contract_price", "tier"].includes(kind) && (
            <div className="w-60">
              <Select
                className="h-9"
                aria-label="Filter by organisation"
                value={organisationId}
                onChange={(event) => setOrganisationId(event.target.value)}
              >
                <option value="">All organisations</option>
                {catalog.organisations.map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.name}
                  </option>
                ))}
              </Select>
            </div>
          )}
          {onlyIds && (
            <Button size="sm" variant="ghost" onClick={() => setOnlyIds(null)}>
              Showing {onlyIds.join(", ")} · show all
            </Button>
          )}
          <div className="ml-auto flex gap-2">
            <a
              className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
              href={`/portal/pricing/versions/${versionId}/export/${kind}`}
              download
            >
              Export CSV
            </a>
            {editable && <CsvImport versionId={versionId} kind={kind} />}
            {editable && (
              <Button size="sm" onClick={() => setAdding(true)} disabled={adding}>
                Add {RULE_KIND_LABELS[kind].one}
              </Button>
            )}
          </div>
        </div>
        <RuleTable
          key={kind}
          versionId={versionId}
          kind={kind}
          rules={visible}
          context={context}
          editable={editable}
          catalog={catalog}
          adding={adding}
          onAddingChange={setAdding}
        />
      </div>
      {/* Beside the table on wide screens; above it otherwise, so problems are seen first. */}
      <aside className="order-first grid content-start items-start gap-4 lg:grid-cols-2 2xl:order-none 2xl:grid-cols-1">
        <ConflictsPanel
          versionId={versionId}
          findings={findings}
          acknowledged={acknowledged}
          editable={editable}
          catalogueAvailable={catalogueAvailable}
          onShowRules={showRules}
        />
        <PolicyCard versionId={versionId} policy={policy} editable={editable} />
      </aside>
    </div>
  );
}
