// The part of dns2 3.1 the tests' DNS server uses (its own types are not shipped; @types/dns2 is older).
declare module "dns2" {
  import type { AddressInfo } from "node:net";
  interface Question {
    name: string;
    type: number;
  }
  interface Answer {
    name: string;
    type: number;
    class: number;
    ttl: number;
    data: string | string[];
  }
  interface Packet {
    header: { rcode: number };
    questions: Question[];
    answers: Answer[];
  }
  interface PacketStatic {
    TYPE: { TXT: number };
    CLASS: { IN: number };
    RCODE: { NXDOMAIN: number };
    createResponseFromRequest(request: Packet): Packet;
  }
  interface Server {
    listen(options: { udp: { port: number; address: string } }): Promise<{ udp?: AddressInfo }>;
    addresses(): { udp?: AddressInfo };
    close(): Promise<void>;
  }
  const dns2: {
    Packet: PacketStatic;
    createServer(options: { udp: boolean; handle: (request: Packet, send: (response: Packet) => void) => void }): Server;
  };
  export default dns2;
}
