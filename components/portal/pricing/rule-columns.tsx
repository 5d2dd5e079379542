"use client";

import type { TPricingColumn } from "@/components/portal/pricing/rule-table-features";
import { Badge } from "@/components/ui/badge";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/cn";
import type { TFinding } from "@/lib/pricing/conflicts";
import { describeEffect, describeQuantity, describeScope, describeValidity } from "@/lib/pricing/describe-rule";
import type { TPricingRule, TRuleKind } from "@/lib/pricing/rules";

// The columns of the rule table, per rule kind. Sorting values are plain numbers or
// strings; what is shown is in people's words.

export type TColumnContext = {
  currency: string;
  organisationName: (id: string) => string;
  findingsByRule: Map<string, TFinding[]>;
};

type TColumn = TPricingColumn<TPricingRule>;

const pick = <K extends string>(rule: TPricingRule, key: K) => (rule as unknown as Record<K, unknown>)[key];

function idColumn(context: TColumnContext): TColumn {
  return {
    id: "id",
    header: "Rule",
    accessorFn: (rule) => rule.id,
    sortFn: "alphanumeric",
    cell: ({ row }) => {
      const findings = context.findingsByRule.get(row.original.id) ?? [];
      const severity = findings.some((item) => item.severity === "error")
        ? "error"
        : findings.length
          ? "warning"
          : null;

      const label = (
        <span
          className="inline-flex items-center gap-1.5 whitespace-nowrap font-mono text-xs"
          tabIndex={severity ? 0 : undefined}
        >
          {severity && (
            <span
              className={cn("size-2 rounded-full", severity === "error" ? "bg-red-500" : "bg-amber-400")}
              aria-label={severity === "error" ? "has an error" : "has a warning"}
            />
          )}
          {row.original.id}
        </span>
      );

      return severity ? (
        <Tooltip content={findings.map((item) => item.message).join("\n")} side="right">
          {label}
        </Tooltip>
      ) : (
        label
      );
    },
  };
}

const text = (id: string, header: string, value: (rule: TPricingRule) => string, className?: string): TColumn => ({
  id,
  header,
  accessorFn: value,
  sortFn: "alphanumeric",
  cell: ({ getValue }) => <span className={className}>{String(getValue() ?? "") || "—"}</span>,
});

const number = (
  id: string,
  header: string,
  value: (rule: TPricingRule) => number,
  show: (rule: TPricingRule) => string,
): TColumn => ({
  id,
  header,
  accessorFn: value,
  sortFn: "basic",
  cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{show(row.original)}</span>,
});

export function ruleColumns(kind: TRuleKind, context: TColumnContext): TColumn[] {
  const effect = (rule: TPricingRule) => describeEffect(rule, context.currency);
  const organisation = (rule: TPricingRule) => {
    const id = pick(rule, "organisationId") as string | null;

    return id ? context.organisationName(id) : "Everyone";
  };
  const amountOrBps = (rule: TPricingRule) => Number(pick(rule, "amount") ?? 0) || Number(pick(rule, "bps") ?? 0);
  const common: TColumn[] = [
    number(
      "priority",
      "Priority",
      (rule) => rule.priority,
      (rule) => String(rule.priority),
    ),
    text("validity", "Valid", describeValidity, "whitespace-nowrap"),
    text("note", "Note", (rule) => rule.note, "block max-w-44 truncate text-slate-600"),
  ];
  const specific: Record<TRuleKind, TColumn[]> = {
    base_price: [
      text("sku", "SKU", (rule) => String(pick(rule, "sku")), "whitespace-nowrap font-mono text-xs"),
      number("amount", "Price", amountOrBps, effect),
    ],
    surcharge: [
      text("product", "Product", (rule) => String(pick(rule, "product"))),
      text(
        "option",
        "Option",
        (rule) => `${pick(rule, "option")}${pick(rule, "value") ? ` = ${pick(rule, "value")}` : ""}`,
        "whitespace-nowrap font-mono text-xs",
      ),
      number("amount", "Charge", amountOrBps, effect),
    ],
    org_discount: [
      text("organisation", "Organisation", organisation),
      text("scope", "Applies to", (rule) => (rule.kind === "org_discount" ? describeScope(rule.scope) : "")),
      number("bps", "Discount", (rule) => Number(pick(rule, "bps")), effect),
      {
        id: "exclusive",
        header: "Combines",
        accessorFn: (rule) => (pick(rule, "exclusive") ? 1 : 0),
        sortFn: "basic",
        cell: ({ row }) =>
          pick(row.original, "exclusive") ? (
            <Badge tone="warning">Exclusive</Badge>
          ) : (
            <span className="text-slate-500">with others</span>
          ),
      },
    ],
    contract_price: [
      text("organisation", "Organisation", organisation),
      text("sku", "SKU", (rule) => String(pick(rule, "sku")), "whitespace-nowrap font-mono text-xs"),
      number("amount", "Price", amountOrBps, effect),
    ],
    tier: [
      text("product", "Product", (rule) => String(pick(rule, "product") ?? "") || "All products"),
      text("organisation", "Organisation", organisation),
      number(
        "quantity",
        "Quantity",
        (rule) => Number(pick(rule, "minQuantity")),
        (rule) => (rule.kind === "tier" ? describeQuantity(rule) : ""),
      ),
      number("amount", "Tier", amountOrBps, effect),
    ],
  };

  return [idColumn(context), ...specific[kind], ...common];
}
