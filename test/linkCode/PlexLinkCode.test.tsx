import { act, fireEvent, render, screen } from '@testing-library/react'
import { createRef, type ComponentProps } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PlexLinkCode, type PlexLinkCodeLabels } from '../../src/linkCode/PlexLinkCode'
import type { PlexAuthProviderProps } from '../../src/session/PlexAuthProvider'
import type { PlexMock } from '../../src/testing/createPlexHandlers'
import { expectNoAxeViolations } from '../support/axe'
import { expectNothingSent, usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'
import { skewedPlex } from '../support/skewedPlex'
import { tick, useFakeClockEachTest } from '../support/tick'

const mock = usePlexMock()
const posts = (plex: PlexMock) => plex.requests.filter((r) => r.method === 'POST')
const newestPin = (plex: PlexMock) => [...plex.pins.values()].at(-1)!
const spell = (code: string) => code.split('').join(' ')

function renderLinkCode(props: Partial<ComponentProps<typeof PlexLinkCode>> = {}, provider: Partial<PlexAuthProviderProps> = {}) {
  const { wrapper } = plexWrapper(provider)
  const onToken = vi.fn()
  // reactStrictMode puts StrictMode at the root, so effects really run twice on mount (React 19).
  const utils = render(<PlexLinkCode onToken={onToken} {...props} />, { wrapper, reactStrictMode: true })
  const root = () => utils.container.querySelector('section')!
  const status = () => screen.getByRole('status')
  return { ...utils, onToken, root, status }
}

useFakeClockEachTest()

describe('PlexLinkCode', () => {
  it.each([20, -20])("counts down on plex.tv's time with the device clock %i minutes off", async (minutes) => {
    skewedPlex({ behindBy: minutes * 60_000 })
    renderLinkCode()
    await tick(0)
    expect(screen.getByRole('timer').textContent).toBe('Expires in 15:00')
    await tick(61_000)
    expect(screen.getByRole('timer').textContent).toBe('Expires in 13:59')
  })

  it('says it is getting a code while the PIN is being created', async () => {
    const plex = mock()
    plex.setLatency(500)
    const { root, status, container } = renderLinkCode()
    await tick(0)
    expect(screen.getByRole('region', { name: 'Link with Plex' })).toBe(root())
    expect(screen.getByRole('heading', { name: 'Link with Plex' })).toBeTruthy()
    expect(status().textContent).toBe('Getting a code...')
    expect(root().dataset.state).toBe('creating')
    expect(screen.queryByRole('group')).toBeNull()
    await expectNoAxeViolations(container)
  })

  it('shows the code spelled out, the link, the QR image and a countdown', async () => {
    const plex = mock()
    const { root, container } = renderLinkCode()
    await tick(0)
    const pin = newestPin(plex)
    expect(root().dataset.state).toBe('waiting')
    const code = screen.getByRole('group', { name: `Code: ${spell(pin.code)}` })
    expect(code.textContent).toBe(pin.code)
    expect([...code.querySelectorAll('span')].map((s) => s.textContent)).toEqual(pin.code.split(''))
    const link = screen.getByRole('link', { name: 'plex.tv/link' })
    expect(link.getAttribute('href')).toBe('https://plex.tv/link')
    expect(link.closest('p')!.textContent).toBe('Go to plex.tv/link and enter this code')
    const qr = screen.getByRole('img', { name: 'QR code that opens plex.tv/link' })
    expect(qr.getAttribute('src')).toBe(pin.qr)
    expect(screen.getByRole('timer').textContent).toBe('Expires in 15:00')
    await tick(1000)
    expect(screen.getByRole('timer').textContent).toBe('Expires in 14:59')
    await tick(61_000)
    expect(screen.getByRole('timer').textContent).toBe('Expires in 13:58')
    await expectNoAxeViolations(container)
    expect(posts(plex)).toHaveLength(1)
  })

  it('announces a new code once through one polite live region, and never the countdown', async () => {
    const plex = mock()
    const { status, container } = renderLinkCode()
    await tick(0)
    const pin = newestPin(plex)
    const live = container.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]')
    expect(live).toEqual(container.querySelectorAll('[role="status"]'))
    expect(live).toHaveLength(1)
    expect(status().getAttribute('aria-live')).toBe('polite')
    expect(status().textContent).toBe(`New code: ${spell(pin.code)}`)
    const timer = screen.getByRole('timer')
    expect(timer.getAttribute('aria-live')).toBe('off')
    expect(status().contains(timer)).toBe(false)
    const changes: MutationRecord[] = []
    const observer = new MutationObserver((records) => changes.push(...records))
    observer.observe(status(), { subtree: true, childList: true, characterData: true })
    const before = timer.textContent
    await tick(5000)
    observer.disconnect()
    expect(screen.getByRole('timer').textContent).not.toBe(before)
    expect(changes).toEqual([])
  })

  it('says "Linked!" and hands over the token once when approved', async () => {
    const plex = mock()
    const { onToken, root, status, container } = renderLinkCode()
    await tick(1000)
    const token = plex.approve()
    await tick(1000)
    expect(root().dataset.state).toBe('authorized')
    expect(status().textContent).toBe('Linked!')
    expect(onToken).toHaveBeenCalledTimes(1)
    expect(onToken).toHaveBeenCalledWith(token, expect.objectContaining({ authToken: token }))
    expect(screen.queryByRole('timer')).toBeNull()
    await expectNoAxeViolations(container)
    await expectNothingSent(plex)
  })

  it('announces the replacement code when one expires', async () => {
    const plex = mock({ pinLifetime: 3 })
    const { status } = renderLinkCode()
    await tick(0)
    const first = newestPin(plex)
    await tick(3000)
    const second = newestPin(plex)
    expect(second.id).not.toBe(first.id)
    expect(status().textContent).toBe(`New code: ${spell(second.code)}`)
    expect(screen.getByRole('group', { name: `Code: ${spell(second.code)}` })).toBeTruthy()
  })

  it('says the code expired and offers a new one, which gets focus-safe restarted', async () => {
    const plex = mock({ pinLifetime: 3 })
    const { root, status, container } = renderLinkCode({ maxRenewals: 0 })
    await tick(3000)
    expect(root().dataset.state).toBe('expired')
    expect(status().textContent).toBe('The code expired')
    expect(screen.queryByRole('group')).toBeNull()
    await expectNoAxeViolations(container)
    const button = screen.getByRole('button', { name: 'Get a new code' })
    button.focus()
    act(() => fireEvent.click(button))
    await tick(0)
    expect(root().dataset.state).toBe('waiting')
    expect(posts(plex)).toHaveLength(2)
    expect(screen.getByRole('group', { name: `Code: ${spell(newestPin(plex).code)}` })).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Link with Plex' }))
  })

  it('shows an actionable error with "Try again", which recovers', async () => {
    const plex = mock()
    plex.fail(1, 400)
    const { root, status, container } = renderLinkCode()
    await tick(1000)
    expect(root().dataset.state).toBe('error')
    expect(status().textContent).toBe('Could not get a code from Plex. Check your connection, then try again.')
    await expectNoAxeViolations(container)
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Try again' })))
    await tick(0)
    expect(root().dataset.state).toBe('waiting')
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('explains rate limiting in its own words', async () => {
    const plex = mock()
    plex.rateLimit(1, 120)
    const { status } = renderLinkCode()
    await tick(1000)
    expect(status().textContent).toBe('Plex is receiving too many requests. Wait a minute, then try again.')
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })

  it('lets every visible string be translated', async () => {
    const plex = mock({ pinLifetime: 3 })
    plex.setLatency(100)
    const labels: PlexLinkCodeLabels = {
      heading: 'Mit Plex verbinden',
      instructions: 'Öffne {link} und gib diesen Code ein',
      linkText: 'plex.tv/link öffnen',
      newTab: 'Öffnet einen neuen Tab',
      code: 'Kennung',
      qrAlt: 'QR-Code für plex.tv/link',
      expiresIn: 'Gültig noch {time}',
      creating: 'Code wird geholt …',
      codeReady: 'Neuer Code: {code}',
      authorized: 'Verbunden!',
      expired: 'Der Code ist abgelaufen',
      newCode: 'Neuer Code',
      error: 'Fehler',
      rateLimited: 'Zu viele Anfragen',
      tryAgain: 'Nochmal',
    }
    const { status } = renderLinkCode({ labels, maxRenewals: 0 })
    await tick(0)
    expect(screen.getByRole('region', { name: 'Mit Plex verbinden' })).toBeTruthy()
    expect(status().textContent).toBe('Code wird geholt …')
    await tick(200)
    const code = newestPin(plex).code
    expect(screen.getByRole('group', { name: `Kennung: ${spell(code)}` })).toBeTruthy()
    expect(status().textContent).toBe(`Neuer Code: ${spell(code)}`)
    expect(screen.getByRole('link', { name: 'plex.tv/link öffnen', description: 'Öffnet einen neuen Tab' }).closest('p')!.textContent).toBe(
      'Öffne plex.tv/link öffnen und gib diesen Code ein',
    )
    expect(screen.getByRole('img', { name: 'QR-Code für plex.tv/link' })).toBeTruthy()
    expect(screen.getByRole('timer').textContent).toMatch(/^Gültig noch 00:0\d$/)
    await tick(3200) // past the deadline's last check
    expect(status().textContent).toBe('Der Code ist abgelaufen')
    expect(screen.getByRole('button', { name: 'Neuer Code' })).toBeTruthy()
    expect(screen.queryByText(/Link with Plex|Getting a code|The code expired|Get a new code/)).toBeNull()
  })

  it('opens plex.tv/link in a new tab and says so, so following it keeps the code on screen', async () => {
    mock()
    renderLinkCode()
    await tick(0)
    const link = screen.getByRole('link', { name: 'plex.tv/link', description: 'Opens in a new tab' })
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noreferrer')
    expect((screen.getByText('Opens in a new tab') as HTMLElement).hidden).toBe(true) // described, not shown
  })

  it('points the link where linkUrl says, and sends product as X-Plex-Product', async () => {
    const plex = mock()
    renderLinkCode({ linkUrl: 'https://example.com/link', product: 'Kiosk' })
    await tick(0)
    expect(screen.getByRole('link', { name: /^plex\.tv\/link/ }).getAttribute('href')).toBe('https://example.com/link')
    expect(posts(plex)[0]!.headers['x-plex-product']).toBe('Kiosk')
  })

  it('forwards its ref and other props to the root <section>, with rpa-link classes unless unstyled', async () => {
    mock()
    const ref = createRef<HTMLElement>()
    const { root, container, rerender } = renderLinkCode({ ref, id: 'tv-login', className: 'mine', title: 'Sign in' })
    await tick(0)
    expect(ref.current).toBe(root())
    expect(root().tagName).toBe('SECTION')
    expect(root().id).toBe('tv-login')
    expect(root().className).toBe('rpa rpa-link mine')
    expect(screen.getByRole('group').className).toBe('rpa-link__code')
    rerender(<PlexLinkCode onToken={() => {}} unstyled className="mine" />)
    await tick(0)
    expect(root().className).toBe('mine')
    expect(container.querySelectorAll('[class*="rpa-"]')).toHaveLength(0)
    expect(screen.getByRole('group', { name: /^Code: / })).toBeTruthy()
  })

  it('sends nothing once unmounted', async () => {
    const plex = mock()
    const { unmount } = renderLinkCode()
    await tick(2000)
    unmount()
    await expectNothingSent(plex)
  })
})

describe('PlexLinkCode naming', () => {
  it('is a region named by its heading, or by an aria-label given to it', async () => {
    mock()
    const { rerender } = renderLinkCode()
    await tick(0)
    expect(screen.getByRole('region', { name: 'Link with Plex' })).toBeTruthy()
    rerender(<PlexLinkCode onToken={() => {}} aria-label="TV sign-in" />)
    expect(screen.getByRole('region', { name: 'TV sign-in' })).toBeTruthy()
  })
})

describe('PlexLinkCode focus', () => {
  const link = () => screen.getByRole('link', { name: 'plex.tv/link' })
  const heading = () => screen.getByRole('heading', { name: 'Link with Plex' })

  it('keeps focus inside when the focused link goes away with a renewed code', async () => {
    const plex = mock()
    const { root } = renderLinkCode()
    await tick(0)
    const first = newestPin(plex)
    link().focus()
    expect(document.activeElement).toBe(link())
    plex.setLatency(500) // the renewal shows "Getting a code..." meanwhile, without the link
    plex.expire()
    await tick(1600) // the poll at 1 s learns of the expiry at 1.5 s
    expect(root().dataset.state).toBe('creating')
    expect(document.activeElement).toBe(heading())
    await tick(1000)
    expect(newestPin(plex).id).not.toBe(first.id)
    expect(root().dataset.state).toBe('waiting')
    expect(document.activeElement).toBe(heading())
  })

  it.each([
    ['expires for good', (plex: PlexMock) => plex.expire(), 'expired'],
    ['fails', (plex: PlexMock) => plex.fail(1, 403, 'GET /pins/:id'), 'error'],
  ] as const)('keeps focus inside when the focused link goes away as the code %s', async (_, end, state) => {
    const plex = mock()
    const { root } = renderLinkCode({ maxRenewals: 0 })
    await tick(0)
    link().focus()
    end(plex)
    await tick(2000)
    expect(root().dataset.state).toBe(state)
    expect(screen.queryByRole('link')).toBeNull()
    expect(document.activeElement).toBe(heading())
  })

  it('never takes focus from elsewhere on the page', async () => {
    const plex = mock()
    const outside = document.body.appendChild(document.createElement('button'))
    try {
      const { root } = renderLinkCode({ maxRenewals: 1 })
      await tick(0)
      outside.focus()
      plex.setLatency(500)
      plex.expire()
      await tick(1600)
      expect(root().dataset.state).toBe('creating')
      await tick(1000)
      expect(root().dataset.state).toBe('waiting')
      plex.expire()
      await tick(1600)
      await tick(1000)
      expect(root().dataset.state).toBe('expired')
      expect(document.activeElement).toBe(outside)
    } finally {
      outside.remove()
    }
  })
})
