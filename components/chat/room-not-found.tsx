import { NavLink } from "@/components/ui/nav-link";
import { buttonClasses } from "@/components/ui/button";

/** The chat's 404 panel: a conversation by default, or whatever `title` names (a job). */
export function RoomNotFound({ title = "Conversation not found" }: { title?: string }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">404</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">It doesn’t exist, or you’re not part of it.</p>
      <NavLink href="/" className={buttonClasses("secondary", "md", "mt-2")}>
        Back to your chats
      </NavLink>
    </div>
  );
}
