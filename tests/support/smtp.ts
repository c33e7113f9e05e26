// A real SMTP server on a loopback port (the smtp-server package), for tests that send mail (and, on
// a fixed port, for the browser tests: e2e/mail-server.ts). Mail it receives is parsed (mailparser)
// and kept in order with its envelope recipients; `failNext` makes it refuse the next messages.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = ParsedMail & { envelopeTo: string[] };

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  failNext(count: number): void;
  waitFor(predicate: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtpServer(options: { port?: number } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (failures > 0) {
            failures -= 1;
            const err = new Error("451 try again later") as Error & { responseCode: number };
            err.responseCode = 451;
            return callback(err);
          }
          received.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()) }));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (n) => void (failures = n),
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const hit = received.find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("no matching mail arrived");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
