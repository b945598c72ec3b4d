import type { SVGProps } from 'react'

/** A small key icon of our own (Plex's logo is a trademark and is not shipped). Decorative. */
export function PlexIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" {...props}>
      <path
        fill="currentColor"
        d="M7.5 9a4.5 4.5 0 1 1 4.24 6H11v2H9v2H6v-3.59l3.76-3.76A4.5 4.5 0 0 1 7.5 9Zm4.5-1.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z"
        transform="translate(2 -1)"
      />
    </svg>
  )
}
