import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    userId?: string;
    sid?: string;
    sv?: number;
    authAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sid?: string;
    sv?: number;
    authAt?: number;
  }
}
