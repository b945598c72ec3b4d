// TLS for the fake servers' https (plex.direct-style) connections: one key per process, a
// self-signed certificate for the servers' `*.<hash>.plex.direct` names, made with the openssl
// command (only when a connection asks for https), and a listener that speaks http and https on
// one port, as a Plex Media Server does on 32400.
import { createHash, generateKeyPairSync } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** @type {{ keyPem: string, spki: string } | null} */
let key = null

/** The process's key, and its SPKI hash (for Chromium's --ignore-certificate-errors-spki-list). */
export function tlsKey() {
  if (!key) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    key = {
      keyPem: /** @type {string} */ (pair.privateKey.export({ type: 'pkcs8', format: 'pem' })),
      spki: createHash('sha256').update(pair.publicKey.export({ type: 'spki', format: 'der' })).digest('base64'),
    }
  }
  return key
}

/** The plex.direct hash of a server (32 hex characters, like plex.tv's). @param {string} clientIdentifier */
export const plexDirectHash = (clientIdentifier) => createHash('sha256').update(clientIdentifier).digest('hex').slice(0, 32)

/**
 * A certificate for `*.<hash>.plex.direct` of every given hash, signed by the process's key.
 * @param {string[]} hashes @returns {string} PEM
 */
export function certificateFor(hashes) {
  const dir = mkdtempSync(join(tmpdir(), 'plex-emulator-tls-'))
  try {
    const keyFile = join(dir, 'key.pem')
    writeFileSync(keyFile, tlsKey().keyPem, { mode: 0o600 })
    const names = hashes.map((hash) => `DNS:*.${hash}.plex.direct`).join(',')
    execFileSync('openssl', [
      'req', '-x509', '-key', keyFile, '-out', join(dir, 'cert.pem'), '-days', '30', '-subj', '/CN=plex.direct',
      '-addext', `subjectAltName=${names}`,
    ], { stdio: 'pipe' })
    return readFileSync(join(dir, 'cert.pem'), 'utf8')
  } catch (error) {
    throw new Error(`plex-emulator: https connections need the openssl command (${error instanceof Error ? error.message : String(error)})`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * One port, both protocols: a TLS handshake (first byte 0x16) goes to https, the rest to http.
 * @param {import('node:http').RequestListener} handler @param {string} cert
 * @returns {{ server: import('node:net').Server, close: () => Promise<void> }}
 */
export function createDualServer(handler, cert) {
  const http = createHttpServer(handler)
  const https = createHttpsServer({ key: tlsKey().keyPem, cert }, handler)
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  const server = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.once('data', (chunk) => {
      socket.pause()
      socket.unshift(chunk)
      ;(chunk[0] === 0x16 ? https : http).emit('connection', socket)
      process.nextTick(() => socket.resume())
    })
  })
  return {
    server,
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve()
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}
