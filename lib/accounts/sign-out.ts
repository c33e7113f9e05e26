// Signing out from the browser without next-auth's client bundle: the same two requests its
// signOut() makes (CSRF token, then the form post), and no redirect from next-auth, whose absolute
// URL may name another host than the one in use.
export async function signOutRequest(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
  });
}

/** Signs out, then shows the sign-in page saying so. */
export async function signOutAndLeave(router: { replace(href: string): void; refresh(): void }): Promise<void> {
  await signOutRequest();
  router.replace("/sign-in?signedOut=1");
  router.refresh();
}
