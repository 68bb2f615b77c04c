"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { type FormEvent, useLayoutEffect, useState } from "react";
import { type RegisterFieldErrors, registerAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";

const EMPTY = { username: "", name: "", email: "", password: "" };

export function RegisterForm() {
  const [fields, setFields] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<RegisterFieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useLayoutEffect(() => setHydrated(true), []);

  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const result = await registerAction(fields).catch(() => null);
    if (!result) {
      setError("The server is unreachable. Try again.");
    } else if (!result.ok) {
      setError(result.error.message);
      setFieldErrors(result.fieldErrors ?? {});
    } else {
      const signedIn = await signIn("credentials", { email: fields.email, password: fields.password, redirect: false }).catch(() => null);
      window.location.assign(signedIn?.ok ? "/" : "/login");
      return;
    }
    setBusy(false);
  };

  return (
    <form
      onSubmit={submit}
      noValidate={false}
      className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div>
        <h1 className="text-xl font-semibold">Create an account</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">It takes a few seconds.</p>
      </div>
      <TextField label="Name" autoComplete="name" value={fields.name} onChange={set("name")} error={fieldErrors.name} required maxLength={100} />
      <TextField
        label="Username"
        autoComplete="username"
        hint="3 to 30 letters, digits or underscores"
        value={fields.username}
        onChange={set("username")}
        error={fieldErrors.username}
        required
        pattern="[A-Za-z0-9_]{3,30}"
      />
      <TextField label="Email" type="email" autoComplete="email" value={fields.email} onChange={set("email")} error={fieldErrors.email} required />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters"
        value={fields.password}
        onChange={set("password")}
        error={fieldErrors.password}
        required
        minLength={8}
      />
      <FormError message={error} />
      <Button type="submit" disabled={!hydrated || busy}>
        {busy ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Sign in
        </Link>
      </p>
    </form>
  );
}
