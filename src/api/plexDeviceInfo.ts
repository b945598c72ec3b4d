import type { PlexClientOptions } from './PlexClientOptions'

/** The `X-Plex-*` device fields, filled from the options or, lazily, from the browser. */
export interface PlexDeviceInfo {
  product: string
  version: string
  platform: string
  platformVersion: string
  device: string
  deviceName: string
  model: string
  language: string
}

const browsers: [RegExp, string][] = [
  [/Edg\/(\d+)/, 'Microsoft Edge'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari/, 'Safari'],
]
const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'Chrome OS'],
  [/Linux/, 'Linux'],
]

/**
 * Resolves the device fields sent to plex.tv. Reads `navigator` only when called, so it is
 * safe to import on a server; on a server it falls back to neutral values.
 */
export function plexDeviceInfo(options: Pick<PlexClientOptions, 'product'> & Partial<PlexDeviceInfo>): PlexDeviceInfo {
  const nav = globalThis.navigator as Navigator | undefined
  const ua = nav?.userAgent ?? ''
  const browser = browsers.find(([pattern]) => pattern.test(ua))
  const system = systems.find(([pattern]) => pattern.test(ua))
  return {
    product: options.product,
    version: options.version ?? '1.0',
    platform: options.platform ?? browser?.[1] ?? 'Web',
    platformVersion: options.platformVersion ?? browser?.[0].exec(ua)?.[1] ?? '',
    device: options.device ?? system?.[1] ?? 'Web',
    deviceName: options.deviceName ?? options.product,
    model: options.model ?? 'hosted',
    language: options.language ?? nav?.language ?? 'en',
  }
}
