import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { AuthCard, AuthNotice } from "@/components/auth/auth-card";
import { formatDateTime } from "@/lib/format";
import { MEMBER_ROLE_LABEL } from "@/lib/validation/members";
import { getInvitationByToken } from "@/server/organisations/get-invitation-by-token";

// The token is in the URL: keep it out of Referer headers and search indexes.
export const metadata = { title: "Accept your invitation", referrer: "no-referrer", robots: { index: false } };

const NOT_USABLE = {
  invalid:
    "This invitation link is not valid. Check that you opened the whole link from the email, or ask your organisation's administrator for a new invitation.",
  expired: "This invitation has expired. Ask your organisation's administrator to send it again.",
  revoked:
    "This invitation was withdrawn by your organisation's administrator. Ask them for a new one if you still need access.",
  used: "This invitation was used already. Sign in with the password you chose.",
} as const;

export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitationByToken(token);

  if (invitation.state !== "pending") {
    return (
      <AuthCard title={invitation.state === "used" ? "Invitation already used" : "This link does not work"}>
        <div className="space-y-4">
          <AuthNotice tone="warning">{NOT_USABLE[invitation.state]}</AuthNotice>
          <Link href="/login" className="block text-sm font-medium text-brand-700 hover:underline">
            Go to sign in
          </Link>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title={`Join ${invitation.organisationName}`}
      intro={
        <>
          You are invited as <strong>{MEMBER_ROLE_LABEL[invitation.role].toLowerCase()}</strong>. Choose your name and a
          password; the invitation is valid until {formatDateTime(invitation.expiresAt)}.
        </>
      }
    >
      <AcceptInvitationForm token={token} email={invitation.email} />
    </AuthCard>
  );
}
