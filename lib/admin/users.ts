import "server-only";
// Users for the admin pages: search by username, name or email, pages by id.
import type { SessionUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { assertAdmin } from "@/lib/admin/guard";
import { ADMIN_PAGE_SIZE, type UserListQuery } from "@/lib/admin/schemas";

export type AdminUser = {
  id: number;
  username: string;
  email: string;
  name: string;
  role: "USER" | "ADMIN";
  isActive: boolean;
  createdAt: Date;
  rooms: number;
};

export async function listUsers(admin: SessionUser, query: Partial<UserListQuery> = {}) {
  await assertAdmin(admin);
  const q = query.q?.trim() ?? "";
  const rows = await db.user.findMany({
    where: {
      ...(query.after ? { id: { gt: query.after } } : {}),
      ...(q
        ? {
            OR: [
              { username: { contains: q, mode: "insensitive" } },
              { name: { contains: q, mode: "insensitive" } },
              { email: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: { id: "asc" },
    take: ADMIN_PAGE_SIZE + 1,
    select: {
      id: true,
      username: true,
      email: true,
      name: true,
      role: true,
      isActive: true,
      createdAt: true,
      _count: { select: { participants: true } },
    },
  });
  const users: AdminUser[] = rows.slice(0, ADMIN_PAGE_SIZE).map(({ _count, ...u }) => ({ ...u, rooms: _count.participants }));
  return { users, nextAfter: rows.length > ADMIN_PAGE_SIZE ? (users.at(-1)?.id ?? null) : null };
}
