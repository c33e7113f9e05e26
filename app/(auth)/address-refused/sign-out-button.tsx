"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { signOutAndLeave } from "@/lib/accounts/sign-out";

export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  return (
    <Button type="button" variant="secondary" onClick={() => void signOutAndLeave(router)}>
      {label}
    </Button>
  );
}
