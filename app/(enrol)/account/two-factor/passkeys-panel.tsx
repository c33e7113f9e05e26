"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { passkeysOffered, usePasskeySupport } from "@/components/ui/passkey-support";
import { useActionForm } from "@/components/ui/use-action-form";
import { addPasskey, deletePasskey, passkeyRegistrationOptions } from "@/app/(app)/account/actions";
import { RecoveryCodes } from "./recovery-codes";
import { ConfirmPasswordField, useStepUp } from "./step-up-form";

interface Row {
  id: string;
  name: string;
  created: string;
  used: string | null;
}

export function PasskeysPanel({ passkeys }: { passkeys: Row[] }) {
  const t = useTranslations("account");
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [removing, setRemoving] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const support = usePasskeySupport();
  const tAuth = useTranslations("auth");

  // Adding a passkey needs a fresh proof of the holder; the name typed waits for it.
  const stepUp = useStepUp();
  const [codes, setCodes] = useState<string[] | null>(null);

  function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void add(String(new FormData(e.currentTarget).get("name") ?? ""));
  }

  async function add(name: string) {
    setFailure(null);
    const start = await passkeyRegistrationOptions({});
    if (!start.ok && start.error === "stepUp.required") return stepUp.ask(() => void add(name));
    if (!start.ok) return setFailure(start.error);
    let response;
    try {
      // Loaded when a passkey is used, not with the page: most people sign in with a password.
      const { startRegistration } = await import("@simplewebauthn/browser");
      response = await startRegistration({ optionsJSON: start.data.options });
    } catch {
      // Cancelled, or no authenticator: nothing was registered.
      return setFailure("passkey.failed");
    }
    run(() => addPasskey({ challengeId: start.data.challengeId, name, response: response as unknown as Record<string, unknown> }), {
      text: t("passkeyAdded"),
      then: (d) => {
        if (d.codes) setCodes(d.codes);
        router.refresh();
      },
    });
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  if (stepUp.form) return stepUp.form;

  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700">{t("passkeysIntro")}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {failure && <FailureText code={failure} />}
      {passkeys.length === 0 ? (
        <p className="text-sm text-stone-600">{t("passkeysEmpty")}</p>
      ) : (
        <ul className="divide-y divide-stone-100" data-testid="passkeys">
          {passkeys.map((p) => (
            <li key={p.id} className="space-y-2 py-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="text-sm">
                  <p className="font-medium">{p.name}</p>
                  <p className="text-xs text-stone-600">
                    {t("passkeyCreated", { date: p.created })} · {p.used ? t("passkeyUsed", { date: p.used }) : t("passkeyNeverUsed")}
                  </p>
                </div>
                <Button type="button" variant="secondary" onClick={() => setRemoving(removing === p.id ? null : p.id)}>
                  {t("removePasskey")}
                </Button>
              </div>
              {removing === p.id && (
                <form
                  className="flex flex-wrap items-end gap-2"
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault();
                    const password = String(new FormData(e.currentTarget).get("password") ?? "");
                    run(() => deletePasskey({ id: p.id, password }), {
                      text: t("passkeyRemoved"),
                      then: () => {
                        setRemoving(null);
                        router.refresh();
                      },
                    });
                  }}
                >
                  <ConfirmPasswordField errors={errors.password} />
                  <Button type="submit" variant="danger" disabled={pending}>
                    {t("removePasskey")}
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {passkeysOffered(support) ? (
        <form onSubmit={onAdd} className="flex max-w-md flex-wrap items-end gap-2" noValidate>
          <div className="min-w-48 flex-1">
            <TextField label={t("passkeyName")} name="name" defaultValue={t("passkeyNameDefault")} required errors={errors.name} />
          </div>
          <Button type="submit" disabled={pending || support !== "ok"}>
            {t("addPasskey")}
          </Button>
        </form>
      ) : (
        // Offered only where it can work: at an IP address or over plain http the browser refuses.
        <Alert tone="amber">{tAuth(`passkeyUnavailable.${support}`)}</Alert>
      )}
    </div>
  );
}

function FailureText({ code }: { code: string }) {
  const t = useTranslations("errors");
  return <Alert>{t(code)}</Alert>;
}
