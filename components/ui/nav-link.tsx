"use client";
// A link that navigates on the client like next/link, for a fraction of its weight on the room
// page: a plain <a> (open in a new tab, copy link and middle click stay the browser's) and a
// client navigation for a plain left click. No prefetch: a prefetched room page carries the room
// list as it was then, and opening it later would show that list's unread counts again.
import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

type NavLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: string };

export function NavLink({ href, onClick, ...rest }: NavLinkProps) {
  const router = useRouter();
  const navigate = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (event.defaultPrevented || event.button !== 0 || modified || rest.target) return;
    event.preventDefault();
    router.push(href);
  };
  return <a {...rest} href={href} onClick={navigate} />;
}
