/** A short stable hash (FNV-1a, 32 bits, 8 hex digits): the same at every run and in the emulator. Internal. */
export function mockHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16).padStart(8, '0')
}
