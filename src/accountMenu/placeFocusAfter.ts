const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Remembers where `element` sits in the page, before it goes away (the account menu, on sign-out),
 * and returns what moves the focus there afterwards, if it fell to `<body>`: to the first focusable
 * element rendered in its place (the app's sign-in button, typically), else the first one after it
 * in its container, else the container's first, climbing to the next container up when one has
 * none. Internal.
 */
export function placeFocusAfter(element: HTMLElement): () => void {
  const container = element.parentElement
  const before = element.previousSibling
  return () => {
    const active = element.ownerDocument.activeElement
    if (active && active !== element.ownerDocument.body && active.isConnected) return
    for (let scope = container; scope?.isConnected && scope !== element.ownerDocument.body; scope = scope.parentElement) {
      const candidates = Array.from(scope.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((c) => !c.closest('[hidden], [inert]'))
      const inPlace =
        before && before.parentNode === container
          ? candidates.find((c) => !before.contains(c) && before.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)
          : candidates[0]
      const target = inPlace ?? candidates[0]
      if (target) {
        target.focus()
        return
      }
    }
  }
}
