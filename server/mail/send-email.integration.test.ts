// The mail path for real: the send-email job's handler renders a message and sends it over SMTP to
// the test stack's mail catcher, where it is read back through the catcher's API.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { linkIn, waitForEmail } from "../../test/support/mail-inbox";
import { verifyLinkToken } from "@/server/auth/link-token";
import { sendEmailJob } from "@/server/jobs/definitions/send-email";
import { runJob } from "@/server/jobs/run-job";
import { closeMailTransport } from "@/server/mail/transport";

afterAll(() => closeMailTransport());

const envelope = (payload: unknown) => ({ version: 1, correlationId: "mail-test", payload });

describe("send-email job", () => {
  it("delivers an invitation with HTML and plain-text parts and a signed link that opens the invitation", async () => {
    const to = `invitee-${randomUUID()}@example.com`;
    const invitationId = randomUUID();
    const result = await runJob(sendEmailJob, {
      id: randomUUID(),
      data: envelope({
        template: "invitation",
        to,
        data: {
          invitationId,
          organisationName: "Acme <Industries>",
          inviterName: "Alice Admin",
          role: "BUYER",
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      }),
    });
    expect(result.status).toBe("completed");

    const email = await waitForEmail(to, /invited to Acme/);
    expect(email.subject).toBe("You are invited to Acme <Industries> on Tradepost");
    expect(email.from[0]).toMatchObject({ address: "no-reply@tradepost.localhost", name: "Tradepost" });
    expect(email.headers["x-tradepost-template"]).toBe("invitation");
    expect(email.html).toContain("Acme &lt;Industries&gt;");
    const link = linkIn(email, "/invite/");
    expect(email.html).toContain(`href="${link}"`);
    const token = decodeURIComponent(new URL(link).pathname.slice("/invite/".length));
    expect(verifyLinkToken("invitation", token)?.id).toBe(invitationId);
  });

  it("dead-letters a payload that names no template it knows, sending nothing", async () => {
    const to = `nobody-${randomUUID()}@example.com`;
    const result = await runJob(sendEmailJob, {
      id: randomUUID(),
      data: envelope({ template: "welcome", to, data: {} }),
    });
    expect(result.status).toBe("deadletter");
    await expect(waitForEmail(to, /.*/, { timeoutMs: 1_500 })).rejects.toThrow(/no email/);
  });
});
