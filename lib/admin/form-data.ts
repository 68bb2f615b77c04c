// Server actions posted by <form> receive FormData; the zod schemas take plain objects.

/**
 * The form's text fields, without React's internal `$ACTION_…` entries. An action is a public
 * endpoint: a client can post any serializable value where the FormData belongs, so anything
 * else yields no fields (the schema then refuses it) instead of a TypeError outside runAction.
 */
export function formFields(form: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!(form instanceof FormData)) return fields;
  for (const [key, value] of form) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) fields[key] = value;
  }
  return fields;
}
