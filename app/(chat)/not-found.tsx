import { RoomNotFound } from "@/components/chat/room-not-found";

export default function ChatNotFound() {
  return <RoomNotFound />;
}
