/**
 * A short, non-reversible fingerprint of a token for query keys (keys show up in devtools,
 * logs and persisted caches; the token must not). Two 32-bit FNV-1a passes with different
 * offset bases over the UTF-16 code units: 16 hex characters. Not a security boundary, only
 * a way to tell tokens apart without storing them. Internal.
 */
export function tokenFingerprint(token: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < token.length; i++) {
    const unit = token.charCodeAt(i)
    a = Math.imul(a ^ unit, 0x01000193)
    b = Math.imul(b ^ unit, 0x01000193)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}
