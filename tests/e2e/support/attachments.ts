// Files for the attachment tests, made on the spot: photos drawn by sharp (a real JPEG or PNG the
// server's sniffing and re-encoding accept) and a small but valid PDF.
import { expect, type Page } from "@playwright/test";
import sharp from "sharp";

export type FilePayload = { name: string; mimeType: string; buffer: Buffer };

export async function photo(name: string, width: number, height: number, color = { r: 79, g: 70, b: 229 }): Promise<FilePayload> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 80 })
    .toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

/** A PNG of random noise: it does not compress, so `bytes` of it take a while on a slow link. */
export async function noisyPng(name: string, side: number): Promise<FilePayload> {
  const buffer = await sharp({
    create: { width: side, height: side, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 60 } },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return { name, mimeType: "image/png", buffer };
}

export function pdf(name: string): FilePayload {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name, mimeType: "application/pdf", buffer: Buffer.from(body, "latin1") };
}

/** Picks files through the composer's "Attach files" button, as a person would. */
export async function attach(page: Page, files: FilePayload[]): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  await (await chooser).setFiles(files);
}

/** Waits until every attached file is uploaded and checked (no progress bar left, Send enabled). */
export async function expectUploaded(page: Page, count: number): Promise<void> {
  const tray = page.getByRole("list", { name: "Attached files" });
  await expect(tray.getByRole("listitem")).toHaveCount(count);
  await expect(tray.getByRole("progressbar")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Send" })).toBeEnabled();
}

/** A picture that reads as a photo in the README screenshots: sky, sun, a hill and a house. */
export async function scene(name: string, width: number, height: number, sky: [string, string], ground: string): Promise<FilePayload> {
  const w = width;
  const h = height;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#sky)"/>
    <circle cx="${w * 0.78}" cy="${h * 0.26}" r="${Math.min(w, h) * 0.09}" fill="#fde68a"/>
    <ellipse cx="${w * 0.3}" cy="${h * 1.05}" rx="${w * 0.8}" ry="${h * 0.42}" fill="${ground}"/>
    <rect x="${w * 0.36}" y="${h * 0.5}" width="${w * 0.26}" height="${h * 0.2}" fill="#f8fafc"/>
    <polygon points="${w * 0.33},${h * 0.5} ${w * 0.49},${h * 0.36} ${w * 0.65},${h * 0.5}" fill="#b91c1c"/>
    <rect x="${w * 0.46}" y="${h * 0.6}" width="${w * 0.06}" height="${h * 0.1}" fill="#78350f"/>
  </svg>`;
  const buffer = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}
