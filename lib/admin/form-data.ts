// Server actions posted by <form> receive FormData; the zod schemas take plain objects.

/** The form's text fields, without React's internal `$ACTION_…` entries. */
export function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = value;
  }
  return fields;
}
