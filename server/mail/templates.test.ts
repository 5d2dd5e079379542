import { describe, expect, it } from "vitest";
import { ZEmailMessage } from "@/server/mail/email-message";
import { renderEmail } from "@/server/mail/render-email";
import { EMAIL_TEMPLATES, type TTemplateContext } from "@/server/mail/templates";

const context: TTemplateContext = {
  appLink: (path) => `https://shop.example${path}`,
  invitationLink: (id) => `https://shop.example/invite/${id}.sig`,
  passwordResetLink: (id) => `https://shop.example/reset-password/${id}.sig`,
};
const ID = "01900000-0000-7000-8000-000000000001";

describe("email templates", () => {
  it("invitation: organisation, role, the signed link and its expiry", () => {
    const email = renderEmail(
      EMAIL_TEMPLATES.invitation(
        {
          invitationId: ID,
          organisationName: "Acme GmbH",
          inviterName: "Alice Admin",
          role: "APPROVER",
          expiresAt: "2026-12-10T12:00:00.000Z",
        },
        context,
      ),
    );
    expect(email.subject).toBe("You are invited to Acme GmbH on Tradepost");
    expect(email.text).toMatch(/Your role: +Approver/);
    expect(email.text).toContain(`https://shop.example/invite/${ID}.sig`);
    expect(email.text).toContain("until 10 Dec 2026, 12:00 UTC");
  });

  it("order shipped: the tracking number in the subject and body, the tracking link as a button", () => {
    const email = renderEmail(
      EMAIL_TEMPLATES["order-shipped"](
        {
          buyerName: "Bob",
          orderReference: "TP-000123",
          trackingNumber: "1Z999AA10123456784",
          carrier: "UPS",
          trackingUrl: "https://track.example/1Z999AA10123456784",
          orderPath: "/orders/TP-000123",
        },
        context,
      ),
    );
    expect(email.subject).toBe("Order TP-000123 shipped — tracking 1Z999AA10123456784");
    expect(email.text).toMatch(/Tracking number: +1Z999AA10123456784/);
    expect(email.html).toContain('href="https://track.example/1Z999AA10123456784"');
  });

  it("approval requested and decided, order placed, password reset render with money in the currency", () => {
    const requested = renderEmail(
      EMAIL_TEMPLATES["approval-requested"](
        {
          approverName: "Ann",
          buyerName: "Bob",
          orderReference: "TP-000007",
          totalMinor: 1_200_000,
          currency: "EUR",
          reasons: ["Over Bob's monthly limit of €5,000.00"],
          reviewPath: "/approvals/1",
        },
        context,
      ),
    );
    expect(requested.text).toMatch(/Total: +€12,000.00/);
    expect(requested.text).toContain("• Over Bob's monthly limit of €5,000.00");
    const decided = renderEmail(
      EMAIL_TEMPLATES["approval-decided"](
        {
          buyerName: "Bob",
          orderReference: "TP-000007",
          decision: "REJECTED",
          deciderName: "Ann",
          comment: "Too many screens",
          orderPath: "/orders/TP-000007",
        },
        context,
      ),
    );
    expect(decided.subject).toBe("Order TP-000007 rejected");
    expect(decided.text).toContain("Too many screens");
    const reset = renderEmail(
      EMAIL_TEMPLATES["password-reset"]({ resetId: ID, name: "Bob", expiresAt: "2026-12-03T17:00:00Z" }, context),
    );
    expect(reset.text).toContain(`https://shop.example/reset-password/${ID}.sig`);
  });

  it("the message schema refuses a link to another site and an unknown template", () => {
    const base = { buyerName: "B", orderReference: "TP-1", decision: "APPROVED", deciderName: "A" };
    expect(
      ZEmailMessage.safeParse({
        template: "approval-decided",
        to: "b@example.com",
        data: { ...base, orderPath: "//evil.example/x" },
      }).success,
    ).toBe(false);
    expect(
      ZEmailMessage.safeParse({
        template: "approval-decided",
        to: "b@example.com",
        data: { ...base, orderPath: "/o/1" },
      }).success,
    ).toBe(true);
    expect(ZEmailMessage.safeParse({ template: "welcome", to: "b@example.com", data: {} }).success).toBe(false);
  });
});
