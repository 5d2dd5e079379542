import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { RequestPasswordResetForm } from "@/components/auth/request-password-reset-form";

export const metadata = { title: "Forgot your password?" };

export default function RequestPasswordResetPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      intro="Enter the email address you sign in with. We email you a link to choose a new password."
    >
      <RequestPasswordResetForm />
      <Link href="/login" className="mt-6 block text-sm font-medium text-brand-700 hover:underline">
        Back to sign in
      </Link>
    </AuthCard>
  );
}
