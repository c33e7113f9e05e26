// A real DNS server for the tests (dns2, pure JavaScript) on a loopback UDP port: it answers TXT
// questions from records the test sets, and nothing else, so a team's domain proof runs through
// Node's own resolver with no network.
import type { AddressInfo } from "node:net";
import dns2 from "dns2";

export interface TestDns {
  /** host:port, for DNS_SERVERS. */
  server: string;
  setTxt(name: string, values: string[]): void;
  close(): Promise<void>;
}

export async function startDnsServer(port = 0): Promise<TestDns> {
  const records = new Map<string, string[]>();
  const { Packet } = dns2;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const values = question && question.type === Packet.TYPE.TXT ? records.get(question.name.toLowerCase()) : undefined;
      if (!values) response.header.rcode = Packet.RCODE.NXDOMAIN;
      for (const data of values ?? [])
        response.answers.push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 1, data });
      send(response);
    },
  });
  const listening = await server.listen({ udp: { port, address: "127.0.0.1" } });
  const address = (listening.udp ?? server.addresses().udp) as AddressInfo;
  return {
    server: `127.0.0.1:${address.port}`,
    setTxt: (name, values) => void records.set(name.toLowerCase(), values),
    close: () => server.close().then(() => undefined),
  };
}
