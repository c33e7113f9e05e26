"use client";

import { buttonVariants } from "./button";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={buttonVariants()}>
      {label}
    </button>
  );
}
