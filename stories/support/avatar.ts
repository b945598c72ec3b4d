/**
 * A local avatar for the mocked account: the mock's default `thumb` points at plex.tv, which the
 * stories never reach (createPlexHandlers has no handler for it).
 */
export const AVATAR =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="12" fill="#e5a00d"/>' +
      '<text x="12" y="16.5" font-family="sans-serif" font-size="12" text-anchor="middle" fill="#1f1f1f">A</text></svg>',
  )

/** The account every story's plex.tv returns from `GET /user`. */
export const STORY_USER = { title: 'Ada Lovelace', username: 'ada', thumb: AVATAR }
