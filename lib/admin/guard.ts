import "server-only";
// The admin check inside the core: every lib/admin function re-checks its caller against the
// database, so it stays safe whichever door calls it (and a demoted admin is refused at once).
import type { SessionUser } from "@/lib/auth/credentials";
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

type Client = Pick<Db, "$queryRaw">;

/** Non-admins get not_found, like the doors: nobody learns that admin functions exist. */
export async function assertAdmin(user: SessionUser, client: Client = db): Promise<void> {
  if (user.role !== "ADMIN") throw new AppError("not_found", "Not found");
  const rows = await client.$queryRaw<Array<{ ok: number }>>`
    SELECT 1 AS ok FROM users WHERE id = ${user.id} AND role = 'ADMIN' AND is_active`;
  if (!rows[0]) throw new AppError("not_found", "Not found");
}
