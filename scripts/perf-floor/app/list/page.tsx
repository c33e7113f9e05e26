import { cookies } from "next/headers";
import { Counter } from "./counter";

export default async function Page() {
  await cookies();
  const rows = Array.from({ length: 50 }, (_, i) => ({
    id: i,
    name: `山田 太郎 ${i}`,
    dept: `本社/人事部/第${i % 7}課`,
    last: `2026-11-${(i % 28) + 1}`,
  }));
  return (
    <table>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.name}</td>
            <td>{r.dept}</td>
            <td>{r.last}</td>
            <td>
              <Counter label="記録" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
