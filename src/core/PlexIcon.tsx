import type { SVGProps } from 'react'

/** A small key icon of our own (Plex's logo is a trademark and is not shipped). Decorative: hidden from screen readers (only old IE and Edge made an SVG focusable). */
export function PlexIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" {...props}>
      <path
        fill="currentColor"
        d="M9.5 8a4.5 4.5 0 1 1 4.24 6H13v2h-2v2H8v-3.59l3.76-3.76A4.5 4.5 0 0 1 9.5 8Zm4.5-1.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z"
      />
    </svg>
  )
}
