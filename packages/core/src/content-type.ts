const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  bmp: "image/bmp",
  svg: "image/svg+xml",
  pdf: "application/pdf",
  json: "application/json",
  txt: "text/plain",
  csv: "text/csv",
};

const EXTENSION_BY_TYPE: Readonly<Record<string, string>> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/bmp": "bmp",
  "image/svg+xml": "svg",
  "application/pdf": "pdf",
};

// Types a server sends when it does not know better; they say nothing about the content.
const UNINFORMATIVE_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "application/binary", "application/unknown"]);

/** `image/PNG; charset=x` → `image/png`; undefined for headers that carry no information. */
export function normalizeContentType(header: string | null | undefined): string | undefined {
  const type = header?.split(";")[0]?.trim().toLowerCase() ?? "";
  return UNINFORMATIVE_TYPES.has(type) ? undefined : type;
}

/** The MIME type for a file name's extension, when it is a known one. */
export function contentTypeFromFilename(filename: string): string | undefined {
  const match = /\.([A-Za-z0-9]+)$/.exec(filename);
  return match ? TYPE_BY_EXTENSION[match[1]!.toLowerCase()] : undefined;
}

export function extensionForContentType(type: string): string | undefined {
  return EXTENSION_BY_TYPE[type];
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}

/** Recognises common formats from their first bytes, for files served without a useful type. */
export function sniffContentType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("BM"))) return "image/bmp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return undefined;
}
