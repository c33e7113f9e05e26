// The weekly digest's unsubscribe address (List-Unsubscribe). A mail client's one-click unsubscribe
// POSTs to it (RFC 8058) and the digest stops; the signed address is the credential. Opening it in a
// browser (GET) changes nothing, since link scanners open every address in a mail: it leads to the
// account page, where the digest is turned off by hand.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { unsubscribeDigest } from "@/lib/home/digest";
import { appOrigin } from "@/lib/net/app-origin";

export const dynamic = "force-dynamic";

const plain = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function POST(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token;
  if (token.length > 200 || !(await unsubscribeDigest(getDb(), token))) return plain("Not Found", 404);
  return plain("Unsubscribed", 200);
}

export async function GET(req: Request) {
  return NextResponse.redirect(new URL("/account#digest", appOrigin(req.headers)), 303);
}
