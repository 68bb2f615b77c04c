import type { ReactNode } from "react";
import { MessageIcon } from "@/components/ui/icons";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-10 dark:bg-slate-950">
      <div className="flex w-full max-w-sm flex-col gap-6">
        <div className="flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <span className="inline-flex size-9 items-center justify-center rounded-xl bg-indigo-600 text-white">
            <MessageIcon width={20} height={20} />
          </span>
          JobChat
        </div>
        {children}
      </div>
    </main>
  );
}
