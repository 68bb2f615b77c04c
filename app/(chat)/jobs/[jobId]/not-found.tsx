import { RoomNotFound } from "@/components/chat/room-not-found";

export default function JobNotFound() {
  return <RoomNotFound title="Job not found" />;
}
