// The browser tests' mail server: real SMTP on 127.0.0.1:3211 (smtp-server), and what it received as
// JSON on http://127.0.0.1:3212/messages, so a test can read the mail the app sent and follow its link.
import { createServer } from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const messages: { to: string; subject: string; text: string; receivedAt: string }[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        for (const rcpt of session.envelope.rcptTo) {
          messages.push({ to: rcpt.address.toLowerCase(), subject: mail.subject ?? "", text: mail.text ?? "", receivedAt: new Date().toISOString() });
        }
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(3211, "127.0.0.1");

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  res.setHeader("Content-Type", "application/json");
  if (url.pathname === "/health") return res.end('{"ok":true}');
  const to = url.searchParams.get("to")?.toLowerCase();
  res.end(JSON.stringify(messages.filter((m) => !to || m.to === to)));
}).listen(3212, "127.0.0.1");
