"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";

const KNOWN = new Set(["invalid", "locked", "inactive"]);

export function SignInForm({
  callbackUrl,
  signedOut,
  demo,
  demoPassword,
}: {
  callbackUrl: string;
  signedOut: boolean;
  demo: { email: string; label: string }[];
  demoPassword: string;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { email, password, redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError(res?.error && KNOWN.has(res.error) ? res.error : res?.error === "CredentialsSignin" ? "invalid" : "unknown");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <Card>
        <h1 className="mb-4 text-xl font-bold">{t("signInTitle")}</h1>
        {signedOut && !error && (
          <div className="mb-4">
            <Alert tone="green">{t("signedOut")}</Alert>
          </div>
        )}
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {error && <Alert>{t(`errors.${error}`)}</Alert>}
          <TextField label={t("email")} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          <Button type="submit" className="w-full" disabled={pending || !email || !password}>
            {pending ? t("signingIn") : t("signIn")}
          </Button>
        </form>
      </Card>
      {demo.length > 0 && (
        <Card title={t("demoTitle")}>
          <p className="mb-3 text-sm text-stone-600">{t("demoHint", { password: demoPassword })}</p>
          <ul className="space-y-2">
            {demo.map((d) => (
              <li key={d.email}>
                <button
                  type="button"
                  className="w-full rounded-md border border-stone-200 px-3 py-2 text-left text-sm hover:bg-stone-50"
                  onClick={() => {
                    setEmail(d.email);
                    setPassword(demoPassword);
                  }}
                >
                  <span className="block font-mono text-stone-900">{d.email}</span>
                  <span className="block text-xs text-stone-500">{t(d.label)}</span>
                </button>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
