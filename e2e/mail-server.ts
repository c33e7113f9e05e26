// The browser tests' mail server: the tests' real SMTP server (tests/support/smtp.ts) on
// 127.0.0.1:3211, and what it received as JSON on http://127.0.0.1:3212/messages, so a test can read
// the mail the app sent and follow its link.
import { createServer } from "node:http";
import { startSmtpServer } from "../tests/support/smtp";

const smtp = await startSmtpServer({ port: 3211 });

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  res.setHeader("Content-Type", "application/json");
  if (url.pathname === "/health") return res.end('{"ok":true}');
  const to = url.searchParams.get("to")?.toLowerCase();
  const messages = smtp.received.flatMap((m) => m.envelopeTo.map((rcpt) => ({ to: rcpt, subject: m.subject ?? "", text: m.text ?? "" })));
  res.end(JSON.stringify(messages.filter((m) => !to || m.to === to)));
}).listen(3212, "127.0.0.1");
