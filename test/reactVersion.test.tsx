import { version } from 'react'
import { expect, it } from 'vitest'

// Guards the React 18 run: it must really run on React 18 (and the main run on 19).
it('runs on the React the project says', () => {
  const expected = (globalThis as { __vitest_worker__?: { ctx?: { projectName?: string } } }).__vitest_worker__?.ctx?.projectName === 'react18' ? '18' : '19'
  expect(version.split('.')[0]).toBe(expected)
})
