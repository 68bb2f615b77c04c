import "server-only";
// Reads shared by the chat layouts and pages of one request: React's cache() runs each once.
import { cache } from "react";
import { currentUser } from "@/lib/auth/session";
import { getRoomForUser } from "@/lib/chat/rooms";

export const getSessionUser = cache(currentUser);

export const getRoom = cache((userId: number, roomId: number) => getRoomForUser(userId, roomId));
