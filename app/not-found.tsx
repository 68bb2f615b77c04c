import { NavLink } from "@/components/ui/nav-link";
import { buttonClasses } from "@/components/ui/button";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">There’s nothing at this address.</p>
      <NavLink href="/" className={buttonClasses("primary", "md", "mt-2")}>
        Go to your chats
      </NavLink>
    </main>
  );
}
