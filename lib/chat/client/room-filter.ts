// The sidebar's room filter: matches room names ignoring case and accents ("zoe" finds "Zoë").
const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");

export function filterRooms<T extends { name: string }>(rooms: T[], query: string): T[] {
  const needle = fold(query.trim());
  if (!needle) return rooms;
  return rooms.filter((room) => fold(room.name).includes(needle));
}
