"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { passkeysOffered, usePasskeySupport } from "@/components/ui/passkey-support";
import { passkeySignInOptions } from "../actions";

const KNOWN = new Set(["invalid", "locked", "inactive", "wrongCode", "tooManyAttempts", "ticketExpired", "ssoOnly", "passkeyFailed"]);
const noSubscription = () => () => undefined;

// The fields are uncontrolled, so what is typed before the page's script has started is kept; the
// button waits for the script (a native submit would put the password in the URL).

function useSignInFormState({
  callbackUrl,
  signedOut,
  sessionEnded,
  demo,
  demoPassword,
  sso,
}: {
  callbackUrl: string;
  signedOut: boolean;
  /** This browser's session was ended from elsewhere: say so. */
  sessionEnded: boolean;
  demo: { email: string; label: string }[];
  demoPassword: string;
  /** Company sign-in, when a team has set it up; its error comes back in the URL. */
  sso: { error: string | null } | null;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  // False in the server's HTML and until hydration, true once the script runs.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // After the password, for a member with a second factor: the signed ticket for the code step,
  // and which factors she has (no code field for someone with passkeys alone).
  const [ticket, setTicket] = useState<string | null>(null);
  const [methods, setMethods] = useState<string[]>([]);
  // Someone with passkeys alone may still type a recovery code.
  const [recovery, setRecovery] = useState(false);
  const passkeys = usePasskeySupport();

  const field = (name: "email" | "password") => form.current?.elements.namedItem(name) as HTMLInputElement | null;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const email = String(fd.get("email") ?? "").trim();
    const password = String(fd.get("password") ?? "");
    if (!email || !password) {
      setError("missing");
      return;
    }
    setPending(true);
    setError(null);
    await finish(await signIn("credentials", { email, password, redirect: false }));
  }

  async function finish(res: Awaited<ReturnType<typeof signIn>>) {
    if (res?.error?.startsWith("secondFactor:")) {
      setPending(false);
      setError(null);
      const rest = res.error.slice("secondFactor:".length);
      const split = rest.indexOf(":");
      setMethods(rest.slice(0, split).split("+"));
      setTicket(rest.slice(split + 1));
      return;
    }
    if (!res || res.error) {
      setPending(false);
      if (res?.error === "ticketExpired") setTicket(null);
      setError(res?.error && KNOWN.has(res.error) ? res.error : res?.error === "CredentialsSignin" ? "invalid" : "unknown");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  /** Signs in with a passkey: as the second step (with the ticket) or without a password. */
  async function withPasskey(forTicket: string | null) {
    setPending(true);
    setError(null);
    const start = await passkeySignInOptions(forTicket ? { ticket: forTicket } : {});
    if (!start.ok) {
      setPending(false);
      setError("passkeyFailed");
      return;
    }
    let response;
    try {
      // Loaded when a passkey is used, not with the page: most people sign in with a password.
      const { startAuthentication } = await import("@simplewebauthn/browser");
      response = await startAuthentication({ optionsJSON: start.data.options });
    } catch {
      setPending(false);
      setError("passkeyFailed");
      return;
    }
    const credentials = {
      passkey: JSON.stringify(response),
      challengeId: start.data.challengeId,
      ...(forTicket ? { ticket: forTicket } : {}),
    };
    await finish(await signIn("credentials", { ...credentials, redirect: false }));
  }

  async function onCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    if (!code || !ticket) return;
    setPending(true);
    setError(null);
    await finish(await signIn("credentials", { ticket, code, redirect: false }));
  }

  return {
    callbackUrl,
    signedOut,
    sessionEnded,
    demo,
    demoPassword,
    sso,
    t,
    router,
    form,
    ready,
    passkeys,
    field,
    onSubmit,
    finish,
    withPasskey,
    onCode,
    error,
    setError,
    pending,
    setPending,
    ticket,
    setTicket,
    methods,
    setMethods,
    recovery,
    setRecovery,
  };
}
type SignInFormState = ReturnType<typeof useSignInFormState>;

export function SignInForm(props: {
  callbackUrl: string;
  signedOut: boolean;
  /** This browser's session was ended from elsewhere: say so. */
  sessionEnded: boolean;
  demo: { email: string; label: string }[];
  demoPassword: string;
  /** Company sign-in, when a team has set it up; its error comes back in the URL. */
  sso: { error: string | null } | null;
}) {
  const s = useSignInFormState(props);
  if (s.ticket) return <SecondFactorCard s={s} />;
  return (
    <div className="space-y-6">
      <PasswordCard s={s} />
      <SsoPanel s={s} />
      <DemoAccounts s={s} />
    </div>
  );
}

function PasswordCard({ s }: { s: SignInFormState }) {
  const { signedOut, sessionEnded, t, form, ready, passkeys, onSubmit, withPasskey, error, pending } = s;
  return (
    <Card>
      <h1 className="mb-4 text-xl font-bold">{t("signInTitle")}</h1>
      {signedOut && !error && (
        <div className="mb-4">
          <Alert tone="green">{t("signedOut")}</Alert>
        </div>
      )}
      {sessionEnded && !error && (
        <div className="mb-4" data-testid="session-ended">
          <Alert tone="amber">{t("sessionEnded")}</Alert>
        </div>
      )}
      <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
        {error && <Alert>{t(`errors.${error}`)}</Alert>}
        <TextField label={t("email")} name="email" type="email" autoComplete="username" required />
        <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" className="w-full" disabled={pending || !ready}>
          {pending ? t("signingIn") : t("signIn")}
        </Button>
      </form>
      {passkeysOffered(passkeys) ? (
        <Button
          type="button"
          variant="secondary"
          className="mt-3 w-full"
          disabled={pending || passkeys !== "ok"}
          onClick={() => void withPasskey(null)}
        >
          {t("passkeySignIn")}
        </Button>
      ) : (
        <p className="mt-3 text-xs text-stone-500" data-testid="passkey-unavailable">
          {t(`passkeyUnavailable.${passkeys}`)}
        </p>
      )}
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t("forgotLink")}
        </Link>
      </p>
    </Card>
  );
}

function SsoPanel({ s }: { s: SignInFormState }) {
  const { callbackUrl, sso, t, ready } = s;
  return (
    <>
      {sso && (
        <Card title={t("ssoTitle")}>
          <p className="mb-3 text-sm text-stone-600">{t("ssoIntro")}</p>
          {/* Navigated to, not submitted: the page's form-action policy would stop a submitted form
              from being redirected on to the identity provider. */}
          <form
            className="space-y-3"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
              if (!email) return;
              window.location.assign(`/api/sso/start?${new URLSearchParams({ email, callbackUrl })}`);
            }}
          >
            {sso.error && <Alert>{t(`errors.${sso.error}`)}</Alert>}
            <TextField label={t("ssoEmail")} name="email" type="email" autoComplete="username" required />
            <Button type="submit" variant="secondary" className="w-full" disabled={!ready}>
              {t("ssoSubmit")}
            </Button>
          </form>
        </Card>
      )}
    </>
  );
}

function DemoAccounts({ s }: { s: SignInFormState }) {
  const { demo, demoPassword, t, field } = s;
  return (
    <>
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
                    const [email, password] = [field("email"), field("password")];
                    if (email) email.value = d.email;
                    if (password) password.value = demoPassword;
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
    </>
  );
}

/** The second step: a code from the authenticator app, a recovery code or a passkey. */
function SecondFactorCard({ s }: { s: SignInFormState }) {
  const { t, passkeys, withPasskey, onCode, error, setError, pending, ticket, setTicket, methods, recovery, setRecovery } = s;
  const passkey = methods.includes("passkey");
  const totp = methods.includes("totp") || recovery;
  return (
    <Card>
      <h1 className="mb-2 text-xl font-bold">{t("codeTitle")}</h1>
      <p className="mb-4 text-sm text-stone-700">{recovery ? t("codeIntroRecovery") : totp ? t("codeIntro") : t("codeIntroPasskey")}</p>
      {error && !totp && <Alert>{t(`errors.${error}`)}</Alert>}
      {totp && (
        <form onSubmit={onCode} className="space-y-4" noValidate>
          {error && <Alert>{t(`errors.${error}`)}</Alert>}
          <TextField label={t("code")} name="code" autoComplete="one-time-code" inputMode="text" autoFocus required />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t("signingIn") : t("verify")}
          </Button>
        </form>
      )}
      {passkey && passkeysOffered(passkeys) && (
        <Button
          type="button"
          variant={totp ? "secondary" : "primary"}
          className="mt-3 w-full"
          disabled={pending || passkeys !== "ok"}
          onClick={() => void withPasskey(ticket)}
        >
          {t("usePasskey")}
        </Button>
      )}
      {passkey && !passkeysOffered(passkeys) && <p className="mt-3 text-sm text-amber-800">{t(`passkeyUnavailable.${passkeys}`)}</p>}
      {!totp && (
        <button type="button" className="mt-4 block text-sm text-brand-700 underline" onClick={() => setRecovery(true)}>
          {t("useRecoveryCode")}
        </button>
      )}
      <button
        type="button"
        className="mt-4 text-sm text-brand-700 underline"
        onClick={() => {
          setTicket(null);
          setError(null);
          setRecovery(false);
        }}
      >
        {t("useOther")}
      </button>
    </Card>
  );
}
