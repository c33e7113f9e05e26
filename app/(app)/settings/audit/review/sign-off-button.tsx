"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { signOffAction } from "./actions";

export function SignOffButton({ month }: { month: string }) {
  const t = useTranslations("accessReview");
  const router = useRouter();
  const toast = useToast();
  const { pending, message, run } = useActionForm();
  return (
    <div className="space-y-2">
      {message && <Alert>{message.text}</Alert>}
      <Button
        disabled={pending}
        onClick={() =>
          window.confirm(t("signOffConfirm", { month })) &&
          run(() => signOffAction({ month }), {
            then: () => {
              toast(t("signedOffToast"));
              router.refresh();
            },
          })
        }
      >
        {t("signOff")}
      </Button>
    </div>
  );
}
