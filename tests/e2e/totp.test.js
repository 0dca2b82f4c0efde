// The test's authenticator must agree with RFC 6238 before it can judge Waymark's enrolment.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { base32Decode, totp, wrongTotp } from './support/totp.js';

// RFC 6238 appendix B, SHA-1, key "12345678901234567890".
const kRfcKey = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

test('base32 decodes the RFC key, ignoring spaces and case', () => {
  assert.equal(base32Decode(kRfcKey).toString('ascii'), '12345678901234567890');
  assert.equal(base32Decode('gezd gnbv gy3t qojq').toString('ascii'), '1234567890');
  assert.throws(() => base32Decode('GEZD1'), /not a base32 character/);
});

test('codes match the RFC 6238 SHA-1 vectors', () => {
  for (const [seconds, expected] of [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ]) {
    assert.equal(totp(kRfcKey, { atMs: seconds * 1000, digits: 8 }), expected, `T=${seconds}`);
  }
  assert.equal(totp(kRfcKey, { atMs: 59_000 }), '287082');
  assert.equal(totp(kRfcKey, { atMs: 29_000, stepOffset: 1 }), '287082');
});

test('a wrong code differs from every code the server accepts', () => {
  const at = 1234567890 * 1000;
  const wrong = wrongTotp(kRfcKey, at);
  assert.match(wrong, /^\d{6}$/);
  for (const stepOffset of [-1, 0, 1]) {
    assert.notEqual(wrong, totp(kRfcKey, { atMs: at, stepOffset }));
  }
});
