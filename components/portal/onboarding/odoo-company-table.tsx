"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { FormError } from "@/components/portal/members/member-fields";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import type { TFieldErrors } from "@/lib/errors";
import { onboardOrganisationAction } from "@/server/actions/organisation-onboarding";

type TCandidate = {
  odooPartnerId: number;
  name: string;
  ref: string | null;
  vat: string | null;
  city: string | null;
  linkedOrganisation: { id: string; name: string } | null;
};

export function OdooCompanyTable({ companies, canManage }: { companies: TCandidate[]; canManage: boolean }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<TCandidate | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState("");
  const [isPending, startTransition] = useTransition();

  function close() {
    setChosen(null);
    setErrors({});
    setFormError("");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    const form = new FormData(event.currentTarget);
    const input = { odooPartnerId: chosen.odooPartnerId, name: form.get("name"), adminEmail: form.get("adminEmail") };
    startTransition(async () => {
      const result = await onboardOrganisationAction(input);
      if (result.ok) {
        toast.success(
          `${String(input.name)} is onboarded; the invitation is on its way to ${String(input.adminEmail)}.`,
        );
        close();
        router.refresh();

        return;
      }
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? "" : result.message);
    });
  }

  return (
    <>
      <Table>
        <THead>
          <tr>
            <Th>Odoo company</Th>
            <Th>Reference</Th>
            <Th>VAT</Th>
            <Th>City</Th>
            <Th className="text-right">Tradepost</Th>
          </tr>
        </THead>
        <TBody>
          {companies.map((company) => (
            <tr key={company.odooPartnerId} data-testid="odoo-company-row">
              <Td>
                <div className="font-medium text-slate-900">{company.name}</div>
                <div className="text-xs text-slate-500">Odoo partner #{company.odooPartnerId}</div>
              </Td>
              <Td>{company.ref ?? "—"}</Td>
              <Td>{company.vat ?? "—"}</Td>
              <Td>{company.city ?? "—"}</Td>
              <Td className="text-right">
                {company.linkedOrganisation ? (
                  <Badge tone="success">Linked: {company.linkedOrganisation.name}</Badge>
                ) : canManage ? (
                  <Button size="sm" onClick={() => setChosen(company)}>
                    Onboard
                  </Button>
                ) : (
                  <Badge>Not linked</Badge>
                )}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <Dialog
        open={chosen !== null}
        onClose={close}
        title={`Onboard ${chosen?.name ?? ""}`}
        description="Creates the organisation, links it to this Odoo company and emails its first org admin an invitation."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={formError} />
          <FormField id="onboard-name" label="Organisation name" errors={errors.name}>
            <Input name="name" defaultValue={chosen?.name} maxLength={160} />
          </FormField>
          <FormField id="onboard-admin" label="First org admin's email" errors={errors.adminEmail}>
            <Input name="adminEmail" type="email" autoComplete="off" placeholder="name@company.com" autoFocus />
          </FormField>
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" isLoading={isPending}>
              Onboard and invite
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
