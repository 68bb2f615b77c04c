// One optimistic send attempt, framework-free: the message shows at once as "Sending", becomes
// the stored message on the answer (or on its realtime echo, whichever is first), and turns
// "Failed" on an error or after 10 s without an answer. A retry reuses the client_id, which the
// server stores once per sender, so a retry can never duplicate. The browser passes the server
// action as the transport (hooks/use-send-message); the soak test passes the REST door.
import type { ChatStore } from "@/lib/chat/client/store";
import type { WireMessage } from "@/lib/wire/rest";
import type { ActionResult, WireError } from "@/lib/errors";

export const SEND_TIMEOUT_MS = 10_000;

export type SendTransport = (input: {
  room_id: number;
  content: string;
  client_id: string;
  reply_to_id?: number;
  attachment_ids?: string[];
}) => Promise<ActionResult<WireMessage>>;

function failureText(error: WireError): string {
  switch (error.code) {
    case "rate_limited":
      return "You're sending too fast. Wait a moment.";
    case "invalid_input":
      return error.message;
    case "not_found":
      return "You're no longer in this conversation.";
    default:
      return "Not sent.";
  }
}

export async function attemptSend(store: ChatStore, roomId: number, clientId: string, transport: SendTransport): Promise<void> {
  const pending = store.findPending(roomId, clientId);
  if (!pending) return;
  store.updatePending(roomId, clientId, { status: "sending", error: null });
  const timer = setTimeout(() => {
    store.updatePending(roomId, clientId, { status: "failed", error: "No answer from the server." });
  }, SEND_TIMEOUT_MS);
  try {
    const reply = pending.reply_to ? { reply_to_id: pending.reply_to.id } : {};
    const attachmentIds = pending.attachments?.map((a) => a.id);
    const result = await transport({
      room_id: roomId,
      content: pending.content,
      client_id: clientId,
      ...reply,
      ...(attachmentIds?.length ? { attachment_ids: attachmentIds } : {}),
    });
    if (result.ok) store.receiveMessages(roomId, [result.data]);
    else store.updatePending(roomId, clientId, { status: "failed", error: failureText(result.error) });
  } catch {
    store.updatePending(roomId, clientId, { status: "failed", error: "Network error." });
  } finally {
    clearTimeout(timer);
  }
}
