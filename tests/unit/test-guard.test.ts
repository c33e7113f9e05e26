import { describe, expect, it } from "vitest";
import { assertLocalDatabaseUrl } from "../support/db";

describe("test database guard", () => {
  it("accepts local servers", () => {
    expect(() => assertLocalDatabaseUrl("postgresql://root@127.0.0.1:5432/test")).not.toThrow();
    expect(() => assertLocalDatabaseUrl("postgresql://root@localhost/test")).not.toThrow();
  });
  it("refuses anything else", () => {
    expect(() => assertLocalDatabaseUrl("postgresql://app@prod-db.example.com/app")).toThrowError(/non-local/);
    expect(() => assertLocalDatabaseUrl("postgresql://app@10.0.0.5/app")).toThrowError(/non-local/);
  });
});
