import { MessageIcon } from "@/components/ui/icons";

export default function ChatHome() {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <span className="inline-flex size-14 items-center justify-center rounded-2xl bg-indigo-100 text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300">
        <MessageIcon width={28} height={28} />
      </span>
      <h1 className="text-lg font-semibold">Select a conversation</h1>
      <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">Pick a chat from the list, or start a new one with “New message”.</p>
    </div>
  );
}
