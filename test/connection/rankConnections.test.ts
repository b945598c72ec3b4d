// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { PlexConnection } from '../../src/api/PlexResource'
import { rankConnections } from '../../src/connection/rankConnections'

const conn = (uri: string, extra: Partial<PlexConnection> = {}): PlexConnection => {
  const url = new URL(uri)
  return {
    uri,
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    address: url.hostname,
    port: Number(url.port || 32400),
    local: false,
    relay: false,
    IPv6: false,
    ...extra,
  }
}
const LOCAL_HTTPS = conn('https://192-168-1-10.abc.plex.direct:32400', { address: '192.168.1.10', local: true })
const LOCAL_HTTP = conn('http://192.168.1.10:32400', { local: true })
const REMOTE_HTTPS = conn('https://203-0-113-7.abc.plex.direct:32400', { address: '203.0.113.7' })
const REMOTE_HTTP = conn('http://203.0.113.7:32400')
const RELAY = conn('https://203-0-113-99.abc.plex.direct:8443', { address: '203.0.113.99', port: 8443, relay: true })
const uris = (list: { uri: string }[]) => list.map((c) => c.uri)

describe('rankConnections', () => {
  it('orders local, then remote, then relay; https before http at equal rank', () => {
    const ranked = rankConnections(
      { presence: true, connections: [RELAY, REMOTE_HTTP, LOCAL_HTTP, REMOTE_HTTPS, LOCAL_HTTPS] },
      { pageProtocol: 'https:' },
    )
    expect(uris(ranked)).toEqual(uris([LOCAL_HTTPS, LOCAL_HTTP, REMOTE_HTTPS, REMOTE_HTTP, RELAY]))
    expect(ranked[0]).toEqual({ ...LOCAL_HTTPS, outcome: 'pending', reason: expect.any(String) })
  })

  it('marks http addresses mixed-content on an https page (a reason that says so), but not loopback', () => {
    const loopback = [conn('http://127.0.0.1:32400', { local: true }), conn('http://localhost:32400', { local: true }), conn('http://[::1]:32400', { local: true, IPv6: true })]
    const ranked = rankConnections({ presence: true, connections: [LOCAL_HTTP, REMOTE_HTTP, ...loopback, LOCAL_HTTPS] }, { pageProtocol: 'https:' })
    const outcome = Object.fromEntries(ranked.map((c) => [c.uri, c.outcome]))
    expect(outcome).toEqual({
      [LOCAL_HTTPS.uri]: 'pending',
      [LOCAL_HTTP.uri]: 'mixed-content',
      'http://127.0.0.1:32400': 'pending',
      'http://localhost:32400': 'pending',
      'http://[::1]:32400': 'pending',
      [REMOTE_HTTP.uri]: 'mixed-content',
    })
    expect(ranked.find((c) => c.uri === LOCAL_HTTP.uri)!.reason).toMatch(/https.*plain http.*blocks/)
  })

  it('tries everything on an http page, and adds a raw-IP http twin of each plex.direct name', () => {
    const v6 = conn('https://2001-db8--5.abc.plex.direct:32400', { address: '2001:db8::5', IPv6: true })
    const ranked = rankConnections({ presence: true, connections: [LOCAL_HTTPS, REMOTE_HTTPS, v6] }, { pageProtocol: 'http:' })
    expect(uris(ranked)).toEqual([LOCAL_HTTPS.uri, 'http://192.168.1.10:32400', REMOTE_HTTPS.uri, v6.uri, 'http://203.0.113.7:32400', 'http://[2001:db8::5]:32400'])
    expect(ranked.every((c) => c.outcome === 'pending')).toBe(true)
    expect(ranked[1]).toMatchObject({ protocol: 'http', local: true, address: '192.168.1.10', port: 32400 })
  })

  it('adds no twin when plex.tv already lists that address, nor on an https page', () => {
    expect(uris(rankConnections({ presence: true, connections: [LOCAL_HTTPS, LOCAL_HTTP] }, { pageProtocol: 'http:' }))).toEqual([LOCAL_HTTPS.uri, LOCAL_HTTP.uri])
    expect(uris(rankConnections({ presence: true, connections: [LOCAL_HTTPS] }, { pageProtocol: 'https:' }))).toEqual([LOCAL_HTTPS.uri])
  })

  it("decides mixed content by the address's own scheme (what the browser fetches), not plex.tv's protocol label", () => {
    const httpLabelledHttps = conn('http://192.168.1.10:32400', { local: true, protocol: 'https' })
    const httpsLabelledHttp = conn('https://203-0-113-7.abc.plex.direct:32400', { address: '203.0.113.7', protocol: 'http' })
    const ranked = rankConnections({ presence: true, connections: [httpLabelledHttps, httpsLabelledHttp] }, { pageProtocol: 'https:' })
    expect(ranked.map((c) => [c.uri, c.protocol, c.outcome])).toEqual([
      [httpLabelledHttps.uri, 'http', 'mixed-content'],
      [httpsLabelledHttp.uri, 'https', 'pending'],
    ])
    expect(ranked[0]!.reason).toMatch(/https.*plain http.*blocks/)
  })

  it("ranks https before http by the address's own scheme", () => {
    const httpLabelledHttps = conn('http://192.168.1.10:32400', { local: true, protocol: 'https' })
    const httpsLabelledHttp = conn('https://192-168-1-10.abc.plex.direct:32400', { address: '192.168.1.10', local: true, protocol: 'http' })
    const ranked = rankConnections({ presence: true, connections: [httpLabelledHttps, httpsLabelledHttp] }, { pageProtocol: 'http:' })
    expect(uris(ranked)).toEqual([httpsLabelledHttp.uri, httpLabelledHttps.uri])
  })

  it('marks every connection offline when plex.tv says the server is not present', () => {
    const ranked = rankConnections({ presence: false, connections: [LOCAL_HTTPS, REMOTE_HTTP] }, { pageProtocol: 'https:' })
    expect(ranked.map((c) => c.outcome)).toEqual(['offline', 'offline'])
    expect(ranked[0]!.reason).toMatch(/offline/)
  })
})
