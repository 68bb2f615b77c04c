// Found by the fault soak: what Prisma and pg threw while PostgreSQL stopped and started again,
// as seen in the soak's logs, and the public error each must become (503 unavailable, not 500).
import { expect, it } from "vitest";
import { toWireError } from "@/lib/errors";

const seen: Array<{ code?: string; message: string }> = [
  {
    code: "P2010",
    message: "Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:36643`",
  },
  {
    code: "P2010",
    message: "Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `N/A`. Message: `Server has closed the connection.`",
  },
  { code: "P2010", message: "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`" },
  { code: "P2010", message: "Raw query failed. Code: `57P03`. Message: `the database system is shutting down`" },
  { code: "P2028", message: "Invalid `prisma.$executeRaw()` invocation:\n\nTransaction API error: Unable to start a transaction in the given time." },
  { code: "P1001", message: "Can't reach database server at 127.0.0.1:36643" },
  { code: "P1017", message: "Server has closed the connection." },
  { message: "Client has encountered a connection error and is not queryable" },
  { message: "Connection terminated unexpectedly" },
];

const unavailable = { code: "unavailable", message: "The service is temporarily unavailable. Please retry." };

it.each(seen)("maps $message to unavailable", (error) => {
  expect(toWireError(Object.assign(new Error(error.message), { code: error.code }))).toEqual(unavailable);
});

it("maps a driver adapter error passed on as is (in a transaction) by the code and kind in its cause", () => {
  // @prisma/driver-adapter-utils' DriverAdapterError: the message alone names no code.
  const terminated = Object.assign(new Error("terminating connection due to administrator command"), {
    name: "DriverAdapterError",
    cause: { originalCode: "57P01", originalMessage: "terminating connection due to administrator command", kind: "postgres" },
  });
  const closed = Object.assign(new Error("ConnectionClosed"), { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } });
  expect([toWireError(terminated), toWireError(closed)]).toEqual([unavailable, unavailable]);
});

it("still answers other database errors as internal", () => {
  const uniqueViolation = Object.assign(new Error("Unique constraint failed on the fields: (`username`)"), { code: "P2002" });
  expect(toWireError(uniqueViolation).code).toBe("internal");
});
