// TEMPORARY until the server branch's wire schema is merged.
import * as v from "valibot";

export const wireAttachmentSchema = v.object({
  id: v.string(),
  kind: v.picklist(["image", "file"]),
  name: v.string(),
  content_type: v.string(),
  size: v.number(),
  width: v.nullable(v.number()),
  height: v.nullable(v.number()),
  url: v.string(),
  thumb_url: v.nullable(v.string()),
});
export type WireAttachment = v.InferOutput<typeof wireAttachmentSchema>;
