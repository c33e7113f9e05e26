"use client";
import { useSyncExternalStore } from "react";

/**
 * Whether this page can use passkeys at all: browsers allow them only in a secure context (https, or
 * http on localhost) and at a host name, never at an IP address. Where they cannot work the buttons
 * are not offered and the page says why, instead of failing with "try again".
 * "unknown" until the page's script runs (the server cannot tell).
 */
export type PasskeySupport = "unknown" | "ok" | "insecure" | "ipAddress" | "unsupported";

export function passkeySupport(loc: { hostname: string }, secure: boolean, hasApi: boolean): Exclude<PasskeySupport, "unknown"> {
  if (!hasApi) return "unsupported";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(loc.hostname) || loc.hostname.startsWith("[")) return "ipAddress";
  if (!secure) return "insecure";
  return "ok";
}

/** Whether to offer passkey buttons: where they work, or until the page's script can tell (disabled then). */
export const passkeysOffered = (support: PasskeySupport): support is "ok" | "unknown" => support === "ok" || support === "unknown";

const noSubscription = () => () => undefined;

export function usePasskeySupport(): PasskeySupport {
  return useSyncExternalStore(
    noSubscription,
    () => passkeySupport(window.location, window.isSecureContext, typeof window.PublicKeyCredential === "function"),
    () => "unknown",
  );
}
