import { AppError } from '@/lib/errors';

/**
 * Reads a request body as text, never holding more than `maxBytes` of it: a Content-Length over
 * the cap is refused before a byte is read, and a body without one (chunked) or whose header lies
 * is streamed and abandoned at the cap. `request.text()` would buffer whatever a client sends.
 * Throws AppError('payload_too_large') → 413.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}

/** The same cap for a binary body (a multipart upload): the bytes, never more than `maxBytes` held. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw payloadTooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let isDone = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw payloadTooLarge(maxBytes);
      chunks.push(value);
    }
    isDone = true;
  } finally {
    // Stops reading the rest (the server closes the connection instead of buffering it).
    if (!isDone) await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks, size);
}

export function payloadTooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body must be at most ${maxBytes} bytes`, { maxBytes });
}

/** Per-route caps: every route that reads a body names its own. */
export const bodyLimits = {
  /** Stripe-format events are a few KB; a charge with long metadata stays far below this. */
  paymentWebhook: 512 * 1024,
  /** A 17TRACK update is one number's whole history (the connector keeps at most 300 events of it). */
  trackingWebhook: 512 * 1024,
  /** A 1688 push is one message (a stock batch lists at most a few hundred SKUs). */
  push1688: 1024 * 1024,
  /** At most 1000 tags of at most 256 characters, as JSON. */
  revalidate: 300_000,
  /** Open API partner requests: orders and parcels with their addresses. */
  openApi: 1_000_000,
  /** next-auth's form posts (CSRF token, email, password, callback URL). */
  auth: 16 * 1024,
  /** One QC photo from the warehouse's photo screen (lib/warehouse/photos/process-photo MAX_PHOTO_BYTES, 15 MB) and the form around it. */
  qcPhotoUpload: 15 * 1024 * 1024 + 64 * 1024,
} as const;
