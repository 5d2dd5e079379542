// Customer invoices as an accountant makes them in Odoo's UI: "Create invoice" on a confirmed
// sale order (sale.advance.payment.inv, regular invoice: what is ordered and not yet invoiced),
// "Confirm" (action_post: the INV/<year>/<nnnnn> number, amounts due) and "Register payment"
// (the residual goes down; paid when nothing is left). account.move stays a generic recorded
// model; these actions write the fields Odoo's accounting would compute.
import { z } from "zod";
import { UserError } from "../errors";
import type { Env } from "../orm/env";
import { commercialPartnerId } from "./partner";
import { roundMoney } from "./sale";

export const ZInvoiceAction = z
  .object({
    saleOrderId: z.number().int().positive(),
    post: z.boolean().default(true),
    /** Days from the invoice date to its due date (the payment term's). */
    dueDays: z.number().int().min(0).default(30),
  })
  .strict();

export const ZPaymentAction = z
  .object({ moveId: z.number().int().positive(), amount: z.number().positive().optional() })
  .strict();

const day = (env: Env, offsetDays = 0) =>
  new Date(Date.parse(`${env.txNow.slice(0, 10)}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);

export function invoiceSaleOrder(env: Env, input: z.infer<typeof ZInvoiceAction>) {
  const order = env.get("sale.order", input.saleOrderId);
  if (!order) throw UserError(`Record does not exist or has been deleted.`);
  if (order.state !== "sale") throw UserError("You may only invoice confirmed sales orders.");
  const lines = env
    .inverseIds("sale.order.line", "order_id", order.id)
    .map((id) => env.get("sale.order.line", id)!)
    .filter((line) => !line.display_type && Number(line.product_uom_qty) - Number(line.qty_invoiced ?? 0) > 0);
  if (!lines.length) throw UserError("There is no invoiceable line.");
  let untaxed = 0;
  let tax = 0;
  const invoiceLines = lines.map((line) => {
    const quantity = Number(line.product_uom_qty) - Number(line.qty_invoiced ?? 0);
    const share = quantity / Number(line.product_uom_qty);
    untaxed += roundMoney(Number(env.valueOf("sale.order.line", line, "price_subtotal")) * share);
    tax += roundMoney(Number(env.valueOf("sale.order.line", line, "price_tax")) * share);
    env.update("sale.order.line", line.id, { qty_invoiced: Number(line.qty_invoiced ?? 0) + quantity });

    return [
      0,
      0,
      {
        product_id: line.product_id || false,
        name: line.name,
        quantity,
        price_unit: line.price_unit,
        sale_line_ids: [[6, 0, [line.id]]],
      },
    ];
  });
  const total = roundMoney(untaxed + tax);
  const partnerId = (order.partner_invoice_id || order.partner_id) as number;
  const moveId = env.create("account.move", {
    name: "/",
    move_type: "out_invoice",
    state: "draft",
    partner_id: partnerId,
    commercial_partner_id: commercialPartnerId(env, partnerId),
    invoice_origin: order.name,
    currency_id: env.valueOf("sale.order", order, "currency_id") || false,
    invoice_date: day(env),
    invoice_date_due: day(env, input.dueDays),
    amount_untaxed: roundMoney(untaxed),
    amount_tax: roundMoney(tax),
    amount_total: total,
    amount_residual: total,
    payment_state: "not_paid",
    invoice_line_ids: invoiceLines,
  });
  env.update("sale.order", order.id, { invoice_status: "invoiced" });
  if (input.post) postInvoice(env, moveId);
  const move = env.get("account.move", moveId)!;

  return { id: moveId, name: move.name, state: move.state, amountTotal: move.amount_total };
}

export function postInvoice(env: Env, moveId: number) {
  const move = env.get("account.move", moveId)!;
  if (move.state !== "draft") throw UserError("Only draft journal entries can be posted.");
  const year = String(move.invoice_date ?? day(env)).slice(0, 4);
  const name = `INV/${year}/${String(env.nextSequence(`account.move.out_invoice.${year}`)).padStart(5, "0")}`;
  env.write("account.move", [moveId], { name, state: "posted" });
}

export function registerPayment(env: Env, input: z.infer<typeof ZPaymentAction>) {
  const move = env.get("account.move", input.moveId);
  if (!move || move.state !== "posted") throw UserError("You can only register payment for posted journal entries.");
  const residual = Number(move.amount_residual);
  const paid = Math.min(input.amount ?? residual, residual);
  const left = roundMoney(residual - paid);
  env.write("account.move", [move.id], { amount_residual: left, payment_state: left === 0 ? "paid" : "partial" });

  return { id: move.id, amountResidual: left, paymentState: left === 0 ? "paid" : "partial" };
}
