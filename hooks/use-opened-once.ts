"use client";
// True from the first time `open` is true: a lazily loaded dialog is mounted on first opening
// and then stays mounted, so closing it still returns focus to its opener.
import { useState } from "react";

export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
