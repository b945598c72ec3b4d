import { afterEach, beforeEach } from 'vitest'

/**
 * A story test fails when anything calls `console.error` while it runs (React warnings, msw's
 * "unhandled request to plex.tv", an error boundary, ...), on top of render, play and axe failures.
 */
const original = console.error
let errors: unknown[][] = []

beforeEach(() => {
  errors = []
  console.error = (...args: unknown[]) => {
    errors.push(args)
    original.apply(console, args)
  }
})

afterEach(() => {
  console.error = original
  if (errors.length === 0) return
  const text = errors
    .map((args) => args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '))
    .join('\n---\n')
  errors = []
  throw new Error(`console.error was called during the story:\n${text}`)
})
