import { ArrowLeftIcon } from "@/components/ui/icons";
import { NavLink } from "@/components/ui/nav-link";

/** On a phone, the way from a room or the settings back to the list of conversations. */
export function BackToConversations() {
  return (
    <NavLink
      href="/"
      className="inline-flex size-9 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 md:hidden dark:text-slate-300 dark:hover:bg-slate-800"
      aria-label="Back to conversations"
    >
      <ArrowLeftIcon />
    </NavLink>
  );
}
