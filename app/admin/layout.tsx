// The admin area's frame. proxy.ts already turned away non-admins; this checks again against the
// database (and each page does too: layouts and pages render independently).
import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { adminPage } from "@/lib/admin/page";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · JobChat" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await adminPage("/admin (layout)", async (user) => user);
  return (
    <div className="min-h-full bg-white dark:bg-slate-950">
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="font-semibold">JobChat admin</p>
          <AdminNav />
          <p className="text-sm text-slate-500 dark:text-slate-400">Signed in as {admin.username}</p>
        </div>
      </header>
      <main className="mx-auto max-w-6xl space-y-8 px-4 py-6">{children}</main>
    </div>
  );
}
