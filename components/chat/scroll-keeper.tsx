"use client";
// Keeps the message viewport steady while the list changes. Older pages prepended above, new
// messages appended below while the reader is scrolled up, a typing line appearing: the first
// visible message stays exactly where it was. At the bottom, the view follows new messages.
//
// A class component because only getSnapshotBeforeUpdate can measure the DOM after React has
// decided to update but before it changes anything; hooks have no equivalent.
import { Component, type ReactNode, type RefObject } from "react";

type Anchor = { key: string; top: number };
type Snapshot = { atBottom: boolean; anchor: Anchor | null };

type ScrollKeeperProps = {
  container: RefObject<HTMLElement | null>;
  list: RefObject<HTMLOListElement | null>;
  /** Changes whenever the items change. */
  version: unknown;
  /** Changes when this tab sends a message: the view jumps to it. */
  sendCount: number;
  newestKey: string | null;
  children: ReactNode;
};

const AT_BOTTOM_PX = 48;

export function distanceFromBottom(container: HTMLElement, list: HTMLElement): number {
  return list.getBoundingClientRect().bottom - container.getBoundingClientRect().bottom;
}

export function scrollToBottom(container: HTMLElement, list: HTMLElement): void {
  container.scrollTop += distanceFromBottom(container, list) + 64;
}

/**
 * The first message whose bottom is below the container's top edge (binary search). Only
 * messages: the day separators are sticky, so their position says nothing about scrolling.
 */
function firstVisible(container: HTMLElement, list: HTMLElement): Anchor | null {
  const top = container.getBoundingClientRect().top;
  const items = list.querySelectorAll(":scope > [data-message-id]");
  let lo = 0;
  let hi = items.length - 1;
  let found: Element | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const rect = items[mid].getBoundingClientRect();
    if (rect.bottom > top) {
      found = items[mid];
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  const key = found instanceof HTMLElement ? found.dataset.key : undefined;
  return found && key ? { key, top: found.getBoundingClientRect().top - top } : null;
}

export class ScrollKeeper extends Component<ScrollKeeperProps> {
  componentDidMount() {
    const container = this.props.container.current;
    const divider = this.props.list.current?.querySelector<HTMLElement>("[data-key='unread']");
    if (!container || !divider) return;
    // Opened at the bottom (a column-reverse container); lift the "New messages" divider into
    // view when the unread messages are more than a screenful.
    const offset = divider.getBoundingClientRect().top - container.getBoundingClientRect().top;
    if (offset < 0) container.scrollTop += offset - 16;
  }

  getSnapshotBeforeUpdate(): Snapshot | null {
    const container = this.props.container.current;
    const list = this.props.list.current;
    if (!container || !list) return null;
    return { atBottom: distanceFromBottom(container, list) <= AT_BOTTOM_PX, anchor: firstVisible(container, list) };
  }

  componentDidUpdate(previous: ScrollKeeperProps, _state: unknown, snapshot: Snapshot | null) {
    const container = this.props.container.current;
    const list = this.props.list.current;
    if (!container || !list || !snapshot) return;
    const appended = this.props.newestKey !== previous.newestKey;
    if (this.props.sendCount !== previous.sendCount || (snapshot.atBottom && appended)) {
      scrollToBottom(container, list);
      return;
    }
    if (snapshot.anchor) {
      const element = list.querySelector<HTMLElement>(`[data-key="${CSS.escape(snapshot.anchor.key)}"]`);
      if (element) {
        const top = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
        container.scrollTop += top - snapshot.anchor.top;
      }
    }
  }

  render() {
    return this.props.children;
  }
}
