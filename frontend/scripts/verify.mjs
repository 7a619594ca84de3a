// @ts-check
/**
 * Verifies `X-CMS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * Never throws: a missing, malformed, short or old header is simply not valid.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const TOLERANCE_SECONDS = 300;

/**
 * @param {string | undefined | null} header the X-CMS-Signature header
 * @param {string | Buffer} body the raw request body, exactly as received
 * @param {string} secret the endpoint's shared secret
 * @param {number} [now] unix seconds (tests pass a fixed clock)
 * @returns {boolean}
 */
export function verifySignature(header, body, secret, now = Math.floor(Date.now() / 1000)) {
  if (typeof header !== "string" || !secret) return false;
  const parts = new Map(
    header.split(",").map((part) => {
      const at = part.indexOf("=");
      return /** @type {[string, string]} */ ([part.slice(0, at).trim(), part.slice(at + 1).trim()]);
    }),
  );
  const timestamp = parts.get("t") ?? "";
  const signature = parts.get("v1") ?? "";
  if (!/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) return false;
  if (Math.abs(now - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}
