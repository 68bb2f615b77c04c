// The text a server component's returned element tree carries (string children and string
// props such as a notice's `message`), without rendering it: enough to assert what a page says.
import { isValidElement, type ReactNode } from "react";

export function elementText(node: ReactNode | unknown): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(elementText).join(" ");
  if (isValidElement(node)) {
    const props = node.props as Record<string, unknown>;
    return Object.values(props).map(elementText).join(" ");
  }
  return "";
}
