import { act } from '@testing-library/react'
import type { ReactNode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, vi } from 'vitest'

/**
 * Renders `page()` on the "server" (renderToString), puts that markup in the document, hydrates it
 * with a second `page()`, and asserts React logged nothing (no hydration mismatch). Returns the
 * server markup and the container (remove it when done).
 */
export async function serverRenderThenHydrate(page: () => ReactNode): Promise<{ html: string; container: HTMLDivElement }> {
  const html = renderToString(page())
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const errors = vi.spyOn(console, 'error')
  await act(async () => {
    hydrateRoot(container, page())
  })
  expect(errors).not.toHaveBeenCalled()
  return { html, container }
}
