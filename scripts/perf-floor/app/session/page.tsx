import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { Pool } from "pg";

// The least a signed-in page of ours must do, and nothing else: the proxy's nonce (proxy.ts), the
// session cookie decrypted as next-auth writes it, and one statement on the database (a session is
// checked against the database on every request) when FLOOR_DATABASE_URL is set. A shell of plain
// links. No messages, no client component.
const pool = process.env.FLOOR_DATABASE_URL ? new Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 10 }) : null;
const LINKS = [
  "/",
  "/key-persons",
  "/touchpoints",
  "/requests",
  "/departments",
  "/cases",
  "/initiatives",
  "/reports",
  "/dashboard",
  "/map",
  "/notifications",
  "/settings",
];

export default async function Page() {
  const jar = await cookies();
  const token = jar.get("next-auth.session-token")?.value;
  const session = token ? await decode({ token, secret: process.env.FLOOR_SESSION_SECRET ?? "" }) : null;
  if (!session?.sub) throw new Error("no session: the load passes a signed-in user's cookie and the server's secret");
  const row = pool ? (await pool.query<{ sub: string }>("SELECT $1::text AS sub", [session.sub])).rows[0] : { sub: session.sub };
  return (
    <div>
      <nav>
        {LINKS.map((href) => (
          <a key={href} href={href}>
            {href}
          </a>
        ))}
      </nav>
      <p>{row.sub}</p>
    </div>
  );
}
