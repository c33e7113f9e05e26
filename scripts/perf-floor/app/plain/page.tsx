import { cookies } from "next/headers";

export default async function Page() {
  const c = await cookies();
  return <p>こんにちは {c.get("x")?.value ?? "guest"}</p>;
}
