import { useState } from 'react'

const noop = () => {}

/**
 * An avatar (the profile picker's, the account menu's): the picture (`alt=""`: the button around
 * it carries the name), or, when there is none or it fails to load, a disc with the name's initial
 * in `data-initial`. The picker's stylesheet draws it (`::before`), so it is neither read out nor
 * counted as the button's visible text; with `text` it is also the disc's text (the menu button
 * shows it as such). `at`: the class prefix (`rpa-profiles__`). Internal.
 */
export function Avatar({ src, name, at, size, text }: { src: string | null; name: string; at: string | undefined; size: number; text?: boolean }) {
  const [failed, setFailed] = useState<string | null>(null)
  if (src && failed !== src) {
    // onLoad also opts out of React's "suspensey images": nothing (focus included) waits for avatars.
    return <img className={at && at + 'avatar'} src={src} alt="" width={size} height={size} onLoad={noop} onError={() => setFailed(src)} />
  }
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?'
  return (
    <span className={at && `${at}avatar ${at}initial`} aria-hidden="true" data-initial={initial}>
      {text && initial}
    </span>
  )
}
