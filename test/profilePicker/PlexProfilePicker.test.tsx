import { act, fireEvent, render, screen } from '@testing-library/react'
import { dehydrate } from '@tanstack/react-query'
import { createRef, type ComponentProps } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PlexProfilePicker } from '../../src/profilePicker/PlexProfilePicker'
import type { PlexHandlersOptions } from '../../src/testing/PlexMock'
import { expectNoAxeViolations } from '../support/axe'
import { server, usePlexMock } from '../support/mockPlex'
import { plexWrapper } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'

const mock = usePlexMock()
useFakeClockEachTest()
const TOKEN = 'admin-token'

let urls: URL[] = []
const record = ({ request }: { request: Request }) => void urls.push(new URL(request.url))
beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  urls = []
  server.events.on('request:start', record)
})
afterEach(() => {
  server.events.removeListener('request:start', record)
})

/** The switch requests plex.tv received: the profile and the PIN sent, if any. */
const switches = () =>
  urls.filter((u) => u.pathname.endsWith('/switch')).map((u) => [u.pathname.split('/').at(-2), u.searchParams.get('pin')])

function renderPicker(props: Partial<ComponentProps<typeof PlexProfilePicker>> = {}, plexOptions: PlexHandlersOptions = {}) {
  const plex = mock({ tokens: [TOKEN], ...plexOptions })
  const onToken = vi.fn()
  const { wrapper, queryClient } = plexWrapper()
  const view = render(<PlexProfilePicker token={TOKEN} onToken={onToken} {...props} />, { wrapper })
  const root = () => view.container.firstElementChild as HTMLElement
  return { ...view, plex, onToken, queryClient, root }
}

const button = (name: string | RegExp) => screen.getByRole('button', { name })
const pinField = (title: string) => screen.getByLabelText(`PIN for ${title}`) as HTMLInputElement
const live = () => screen.getByRole('status')
/** Types into the PIN field one character at a time, as the keyboard would. */
function typeInto(input: HTMLInputElement, text: string) {
  for (const char of text) fireEvent.input(input, { target: { value: input.value + char } })
}
async function openPin(title: string) {
  fireEvent.click(button(new RegExp(`^${title},`)))
  await tick(0)
  return pinField(title)
}

describe('PlexProfilePicker', () => {
  it("lists the Home's profiles as buttons named by title and marks, the one in use marked current", async () => {
    const { root, container } = renderPicker()
    expect(screen.getByRole('heading', { name: "Who's watching?" })).toBeTruthy()
    expect(root().getAttribute('data-state')).toBe('loading')
    expect(screen.getByText('Loading profiles...')).toBeTruthy()
    await tick(0)
    expect(root().getAttribute('data-state')).toBe('grid')
    expect(root().className).toBe('rpa rpa-profiles')
    const list = screen.getByRole('list', { name: "Who's watching?" })
    expect(list.querySelectorAll('li')).toHaveLength(4)
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Plex Fan, admin',
      'Kids, managed',
      'Teen, managed, PIN required',
      'Sam, PIN required',
    ])
    expect(button('Plex Fan, admin').getAttribute('aria-current')).toBe('true')
    expect(button('Kids, managed').hasAttribute('aria-current')).toBe(false)
    expect(button('Teen, managed, PIN required').querySelector('svg.rpa-profiles__lock')).toBeTruthy()
    expect(button('Kids, managed').querySelector('svg')).toBeNull()
    expect(button('Kids, managed').textContent).toBe('Kids Managed')
    await expectNoAxeViolations(container)
  })

  it('shows an initial when the avatar fails to load or there is none', async () => {
    renderPicker({}, { home: { members: [{ uuid: 'home-kids-0001', title: 'kids', thumb: '' }] } })
    await tick(0)
    expect(button(/^kids/).querySelector('img')).toBeNull()
    expect(button(/^kids/).querySelector('.rpa-profiles__initial')!.getAttribute('data-initial')).toBe('K')
    const avatar = button('Plex Fan, admin').querySelector('img')!
    expect(avatar.getAttribute('alt')).toBe('')
    fireEvent.error(avatar)
    expect(button('Plex Fan, admin').querySelector('img')).toBeNull()
    expect(button('Plex Fan, admin').querySelector('.rpa-profiles__initial')!.getAttribute('data-initial')).toBe('P')
  })

  it('switches to an unprotected profile at once: one request, onToken with its token, announced', async () => {
    const { onToken, root, plex, rerender } = renderPicker()
    await tick(0)
    plex.setLatency(200)
    const kids = button('Kids, managed')
    kids.focus()
    fireEvent.click(kids)
    await tick(0)
    expect(root().getAttribute('data-state')).toBe('switching')
    expect(kids.getAttribute('aria-busy')).toBe('true')
    expect(live().textContent).toBe('Switching to Kids...')
    // A second click meanwhile sends nothing.
    fireEvent.click(button('Sam, PIN required'))
    fireEvent.click(kids)
    await tick(300)
    expect(switches()).toEqual([['home-kids-0001', null]])
    expect(onToken).toHaveBeenCalledTimes(1)
    expect(onToken.mock.calls[0]![0]).toMatch(/^profile-home-kids-0001-/)
    expect(onToken.mock.calls[0]![1]).toMatchObject({ uuid: 'home-kids-0001', title: 'Kids' })
    expect(root().getAttribute('data-state')).toBe('switched')
    expect(live().textContent).toBe('Switched to Kids')
    expect(document.activeElement).toBe(button('Kids, managed'))
    // The picker keeps no token: the profile in use is still the token's, until the app passes the new one.
    expect(button('Plex Fan, admin').getAttribute('aria-current')).toBe('true')
    rerender(<PlexProfilePicker token={onToken.mock.calls[0]![0]} onToken={onToken} />)
    await tick(0)
    expect(button('Kids, managed').getAttribute('aria-current')).toBe('true')
    expect(button('Plex Fan, admin').hasAttribute('aria-current')).toBe(false)
    // The new token's account and Home came with the switch: nothing more was asked of plex.tv.
    expect(plex.requests.map((r) => r.path).sort()).toEqual(['/api/v2/home/users', '/api/v2/home/users/home-kids-0001/switch', '/api/v2/user'])
  })

  it('picking the profile in use sends nothing and hands back the token in use', async () => {
    const { onToken } = renderPicker()
    await tick(0)
    fireEvent.click(button('Plex Fan, admin'))
    await tick(1000)
    expect(switches()).toEqual([])
    expect(onToken).toHaveBeenCalledWith(TOKEN, expect.objectContaining({ admin: true }))
  })

  it('opens the PIN entry of a protected profile, focused, and sends the PIN once with its 4th digit', async () => {
    const { onToken, root, container } = renderPicker()
    await tick(0)
    const field = await openPin('Teen')
    expect(root().getAttribute('data-state')).toBe('pin')
    expect(document.activeElement).toBe(field)
    expect(field.type).toBe('password')
    expect(field.getAttribute('inputmode')).toBe('numeric')
    expect(field.maxLength).toBe(4)
    expect(screen.getByRole('heading', { name: "Who's watching?" })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^Kids/ })).toBeNull()
    await expectNoAxeViolations(container)
    typeInto(field, '2a4-6')
    expect(field.value).toBe('246')
    await tick(0)
    expect(switches()).toEqual([])
    typeInto(field, '8')
    expect(field.value).toBe('')
    await tick(0)
    expect(switches()).toEqual([['home-teen-0002', '2468']])
    expect(onToken).toHaveBeenCalledTimes(1)
    expect(onToken.mock.calls[0]![1]).toMatchObject({ title: 'Teen' })
    expect(root().getAttribute('data-state')).toBe('switched')
    // The PIN entry is gone: focus goes to the chosen profile.
    expect(document.activeElement).toBe(button('Teen, managed, PIN required'))
  })

  it('takes a pasted PIN with spaces and dashes', async () => {
    renderPicker()
    await tick(0)
    const field = await openPin('Sam')
    fireEvent.paste(field, { clipboardData: { getData: () => ' 13-57 ' } })
    await tick(0)
    expect(switches()).toEqual([['home-sam-0003', '1357']])
  })

  it('submits with Enter / the Switch button only with 4 digits', async () => {
    renderPicker()
    await tick(0)
    const field = await openPin('Sam')
    typeInto(field, '135')
    fireEvent.click(screen.getByRole('button', { name: 'Switch' }))
    await tick(0)
    expect(switches()).toEqual([])
    expect(field.value).toBe('135')
  })

  it('says a PIN was wrong, clears the field, keeps focus there, never retries, and keeps the PIN nowhere', async () => {
    const { root, onToken, queryClient, container } = renderPicker()
    await tick(0)
    const field = await openPin('Teen')
    typeInto(field, '9753')
    await tick(0)
    expect(root().getAttribute('data-state')).toBe('wrong-pin')
    expect(screen.getByRole('alert').textContent).toBe('Wrong PIN. Try again.')
    expect(field.value).toBe('')
    expect(document.activeElement).toBe(field)
    expect(field.getAttribute('aria-invalid')).toBe('true')
    const described = field.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent)
    expect(described).toEqual(['Wrong PIN. Try again.', 'Enter the 4-digit PIN.'])
    await tick(60_000)
    expect(switches()).toEqual([['home-teen-0002', '9753']])
    expect(onToken).not.toHaveBeenCalled()
    expect(container.innerHTML).not.toContain('9753')
    expect(JSON.stringify(dehydrate(queryClient, { shouldDehydrateQuery: () => true }))).not.toContain('9753')
    await expectNoAxeViolations(container)
  })

  it('after too many wrong PINs says how long to wait and disables sending until then', async () => {
    const { root, container } = renderPicker({}, { home: { wrongPinLimit: 2, retryAfter: 30 } })
    await tick(0)
    const field = await openPin('Sam')
    typeInto(field, '0000')
    await tick(0)
    typeInto(field, '0001')
    await tick(0)
    typeInto(field, '1357')
    await tick(0)
    expect(root().getAttribute('data-state')).toBe('rate-limited')
    expect(screen.getByRole('alert').textContent).toBe('Too many attempts. Try again in 30 s.')
    const submit = screen.getByRole('button', { name: 'Switch' }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    expect(field.readOnly).toBe(true)
    expect(document.activeElement).toBe(field)
    await expectNoAxeViolations(container)
    typeInto(field, '1357')
    fireEvent.submit(field.form!)
    await tick(29_000)
    expect(switches()).toHaveLength(3)
    await tick(1000)
    expect(root().getAttribute('data-state')).toBe('pin')
    expect(submit.disabled).toBe(false)
    expect(field.readOnly).toBe(false)
    expect(screen.queryByRole('alert')).toBeNull()
    field.value = ''
    typeInto(field, '1357')
    await tick(0)
    expect(switches().at(-1)).toEqual(['home-sam-0003', '1357'])
    expect(root().getAttribute('data-state')).toBe('switched')
  })

  it('Escape and Back return to the grid, with focus on the profile that asked for its PIN', async () => {
    renderPicker()
    await tick(0)
    let field = await openPin('Teen')
    typeInto(field, '12')
    // Handled (default prevented): a dialog around the picker does not close as well.
    expect(fireEvent.keyDown(field, { key: 'Escape' })).toBe(false)
    await tick(0)
    expect(screen.queryByLabelText('PIN for Teen')).toBeNull()
    expect(document.activeElement).toBe(button('Teen, managed, PIN required'))
    field = await openPin('Sam')
    expect(field.value).toBe('')
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    await tick(0)
    expect(document.activeElement).toBe(button('Sam, PIN required'))
    expect(switches()).toEqual([])
  })

  it('shows a load error with Retry, which loads again and moves focus to the profiles', async () => {
    const { root, plex, container } = renderPicker()
    plex.fail(3, 500, 'GET /home/users')
    await tick(10_000)
    expect(root().getAttribute('data-state')).toBe('error')
    expect(screen.getByRole('alert').textContent).toBe('Plex is having trouble right now. Try again in a moment.')
    await expectNoAxeViolations(container)
    const retry = button('Retry')
    retry.focus()
    fireEvent.click(retry)
    await tick(0)
    expect(root().getAttribute('data-state')).toBe('grid')
    expect(document.activeElement).toBe(button('Plex Fan, admin'))
  })

  it('keeps focus on Retry while a retry loads and when it fails again, never on <body>', async () => {
    const { root, plex } = renderPicker()
    plex.fail(6, 500, 'GET /home/users')
    await tick(10_000)
    button('Retry').focus()
    fireEvent.click(button('Retry'))
    await tick(0)
    expect(root().getAttribute('data-state')).toBe('loading')
    expect(document.activeElement).toBe(button('Retry'))
    expect(button('Retry').getAttribute('aria-disabled')).toBe('true')
    await tick(10_000)
    expect(root().getAttribute('data-state')).toBe('error')
    expect(screen.getByRole('alert').textContent).toBe('Plex is having trouble right now. Try again in a moment.')
    expect(document.activeElement).toBe(button('Retry'))
    fireEvent.click(button('Retry'))
    await tick(0)
    expect(root().getAttribute('data-state')).toBe('grid')
    expect(document.activeElement).toBe(button('Plex Fan, admin'))
  })

  it('says there is nobody else to switch to for an account outside a Home', async () => {
    const { root, container } = renderPicker({}, { home: false })
    await tick(0)
    expect(root().getAttribute('data-state')).toBe('single')
    expect(screen.getByText('There is nobody else in this Plex Home to switch to.')).toBeTruthy()
    expect(button('Plex Fan, admin').getAttribute('aria-current')).toBe('true')
    await expectNoAxeViolations(container)
  })

  it('says when a switch failed for another reason, and lets the person pick again', async () => {
    const { root, plex, onToken, container } = renderPicker()
    await tick(0)
    plex.fail(1, 500, 'POST /home/users/:uuid/switch')
    const kids = button('Kids, managed')
    kids.focus()
    fireEvent.click(kids)
    await tick(0)
    expect(root().getAttribute('data-state')).toBe('failed')
    expect(screen.getByRole('alert').textContent).toBe('Plex is having trouble right now. Try again in a moment.')
    expect(document.activeElement).toBe(kids)
    await tick(10_000)
    expect(switches()).toHaveLength(1)
    await expectNoAxeViolations(container)
    fireEvent.click(kids)
    await tick(0)
    expect(switches()).toHaveLength(2)
    expect(onToken).toHaveBeenCalledTimes(1)
  })

  it('has no axe violations while loading, switching and switched', async () => {
    const { container, plex } = renderPicker({}, { latency: 100 })
    await expectNoAxeViolations(container)
    await tick(300)
    fireEvent.click(button('Sam, PIN required'))
    await tick(0)
    fireEvent.input(pinField('Sam'), { target: { value: '1357' } })
    await tick(10)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('switching')
    expect(pinField('Sam').readOnly).toBe(true)
    await expectNoAxeViolations(container)
    plex.setLatency(0)
    await tick(200)
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('switched')
    await expectNoAxeViolations(container)
  })

  it('sends nothing without a token', async () => {
    const { root } = renderPicker({ token: null })
    await tick(5000)
    expect(root().getAttribute('data-state')).toBe('idle')
    expect(screen.getByText('Sign in with Plex to choose a profile.')).toBeTruthy()
    expect(urls).toEqual([])
    await expectNoAxeViolations(root())
  })

  it('sends nothing more and calls nothing once unmounted during a switch', async () => {
    const { plex, onToken, unmount } = renderPicker()
    await tick(0)
    plex.setLatency(500)
    fireEvent.click(button('Kids, managed'))
    await tick(100)
    const sent = urls.length
    unmount()
    await tick(10_000)
    expect(urls).toHaveLength(sent)
    expect(onToken).not.toHaveBeenCalled()
  })

  it('takes a ref, className, props, labels and unstyled', async () => {
    const ref = createRef<HTMLDivElement>()
    renderPicker({
      ref,
      className: 'mine',
      unstyled: true,
      title: 'Profiles',
      labels: {
        heading: 'Qui regarde ?',
        managed: 'Enfant',
        profile: (p) => [p.title, p.restricted && 'enfant', p.protected && 'code'].filter(Boolean).join(', '),
        pin: (p) => `Code de ${p.title}`,
      },
    })
    await tick(0)
    expect(ref.current!.className).toBe('mine')
    expect(ref.current!.getAttribute('title')).toBe('Profiles')
    expect(ref.current!.querySelectorAll('[class]:not(.mine)')).toHaveLength(0)
    expect(screen.getByRole('heading', { name: 'Qui regarde ?' })).toBeTruthy()
    expect(button('Kids, enfant').textContent).toBe('Kids Enfant')
    fireEvent.click(button('Teen, enfant, code'))
    await tick(0)
    expect(document.activeElement).toBe(screen.getByLabelText('Code de Teen'))
  })

  it('renders a custom UI on the same data and actions', async () => {
    const { onToken } = renderPicker({
      render: ({ status, profiles, current, select, submitPin, flow }) => (
        <div data-status={status}>
          {profiles.map((p) => (
            <button key={p.uuid} type="button" aria-pressed={p.uuid === current} onClick={() => select(p.uuid)}>
              {p.title}
            </button>
          ))}
          {flow.status === 'pin' && (
            <button type="button" onClick={() => submitPin('2468')}>
              send
            </button>
          )}
        </div>
      ),
    })
    await tick(0)
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Plex Fan', 'Kids', 'Teen', 'Sam'])
    fireEvent.click(button('Teen'))
    fireEvent.click(button('send'))
    await tick(0)
    expect(switches()).toEqual([['home-teen-0002', '2468']])
    expect(onToken).toHaveBeenCalledTimes(1)
    expect(button('Plex Fan').getAttribute('aria-pressed')).toBe('true')
  })
})
