// Size budgets, in bytes of minified + gzip (react, react-dom and @tanstack/react-query external).
// A budget that no longer holds fails `npm test`; raising one needs a reason in the commit message.
// Measured when set (2026-11-25): usePlexToken 3,661 · PlexLoginButton 8,274 · whole API 10,854 ·
// styles.css 1,635. The first targets (1.5 / 4 / 8 kB) are not met yet: most of the
// difference is human-readable error messages and the UA-derived X-Plex-* device headers.
export const budgets = {
  usePlexToken: 3800,
  PlexLoginButton: 8500,
  'whole API': 11200,
  'styles.css': 2048,
}
