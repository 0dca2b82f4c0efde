// RFC 6238 time-based one-time passwords (HMAC-SHA-1, 30-second steps), the kind Waymark's
// enrolment asks for: the test plays the part of the person's authenticator app.
import { createHmac } from 'node:crypto';

const kAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// RFC 4648 base32, as Waymark shows it: upper case, unpadded. Spaces are ignored because people
// (and some pages) group the key in blocks.
export function base32Decode(text) {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = kAlphabet.indexOf(ch);
    if (index < 0) throw new Error(`not a base32 character: ${JSON.stringify(ch)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

// The code for the step that `atMs` falls in, moved by `stepOffset` steps.
export function totpFromKey(key, { atMs = Date.now(), stepOffset = 0, digits = 6 } = {}) {
  const step = Math.floor(atMs / 1000 / 30) + stepOffset;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totp(base32Secret, options) {
  return totpFromKey(base32Decode(base32Secret), options);
}

// A well-formed code that the server must refuse: it matches none of the steps the server
// accepts (the current one and one either side).
export function wrongTotp(base32Secret, atMs = Date.now()) {
  const accepted = new Set([-1, 0, 1].map((stepOffset) => totp(base32Secret, { atMs, stepOffset })));
  for (let n = 0; ; n += 1) {
    const candidate = String((123456 + n * 7919) % 1000000).padStart(6, '0');
    if (!accepted.has(candidate)) return candidate;
  }
}
