"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useLayoutEffect, useState } from "react";
import { signInErrorMessage } from "@/app/(auth)/login/sign-in-errors";
import { decodeSuspendedSignIn } from "@/lib/moderation/suspension-policy";
import { safeCallback } from "@/app/(auth)/safe-callback";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import type { OAuthProviderButton } from "@/lib/auth/options";

type Demo = { users: Array<{ username: string; name: string; email: string; role: string }>; password: string } | null;

export function LoginForm({ demo, oauth }: { demo: Demo; oauth: OAuthProviderButton[] }) {
  const params = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(() => signInErrorMessage(params.get("error"), params.get("provider")));
  const [busy, setBusy] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useLayoutEffect(() => setHydrated(true), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(safeCallback(params.get("callbackUrl"), window.location.origin));
        return;
      }
      const suspended = result?.error ? decodeSuspendedSignIn(result.error) : null;
      if (suspended) setError(signInErrorMessage(result?.error ?? null, null));
      else setError(result?.status === 429 ? "Too many attempts. Try again in a few minutes." : "Wrong email or password.");
    } catch {
      // next-auth's client cannot read our 429 answer (it has no redirect URL in it).
      setError("Too many attempts, or the server is unreachable. Try again in a few minutes.");
    }
    setBusy(false);
  };

  return (
    <>
      <form
        onSubmit={submit}
        className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <div>
          <h1 className="text-xl font-semibold">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Chat with your clients and cleaners.</p>
        </div>
        <TextField
          label="Email"
          name="email"
          type="text"
          autoComplete="username"
          hint="Your email address or username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <FormError message={error} />
        <Button type="submit" disabled={!hydrated || busy}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
        {oauth.map((provider) => (
          <Button
            key={provider.id}
            variant="secondary"
            disabled={!hydrated || busy}
            onClick={() => void signIn(provider.id, { callbackUrl: safeCallback(params.get("callbackUrl"), window.location.origin) })}
          >
            Continue with {provider.name}
          </Button>
        ))}
        <p className="text-center text-sm text-slate-600 dark:text-slate-400">
          <Link href="/forgot-password" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Forgot your password?
          </Link>
        </p>
        <p className="text-center text-sm text-slate-600 dark:text-slate-400">
          New here?{" "}
          <Link href="/register" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Create an account
          </Link>
        </p>
      </form>
      {demo ? (
        <section aria-labelledby="demo-title" className="rounded-2xl border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
          <h2 id="demo-title" className="font-medium">
            Demo accounts
          </h2>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            Password <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{demo.password}</code> for all.
          </p>
          <ul className="mt-2 flex flex-col gap-1">
            {demo.users.map((user) => (
              <li key={user.username} className="flex items-center justify-between gap-2">
                <span>
                  {user.email} <span className="text-slate-600 dark:text-slate-400">({user.name})</span>
                </span>
                <button
                  type="button"
                  onClick={() => {
                    setEmail(user.email);
                    setPassword(demo.password);
                  }}
                  className="rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-500/15"
                  aria-label={`Use ${user.username}`}
                >
                  Use
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
