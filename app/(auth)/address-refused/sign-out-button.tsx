"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { signOutRequest } from "@/lib/auth/sign-out";

export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={async () => {
        await signOutRequest();
        router.replace("/sign-in?signedOut=1");
        router.refresh();
      }}
    >
      {label}
    </Button>
  );
}
