import { useEffect, useId, useState, type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ServerControls } from './ServerControls'
import { RequestLog } from './RequestLog'
import { useControl } from './useControl'
// Shapes of the emulator's control API (see dev/plex-emulator/README.md).
import type {
  EmulatorConfig, EmulatorConfigPatch, EmulatorKnobs, EmulatorLogEntry, ExpiredStyle,
} from '../plex-emulator/index.mjs'

const keys = {
  config: ['react-plex-auth-demo', 'emulator', 'config'] as const,
  log: ['react-plex-auth-demo', 'emulator', 'log'] as const,
}

interface NumberFieldProps {
  label: string
  min: number
  step: number | 'any'
  value: number
  onChange: (value: number) => void
}

/** A required number input with its label. */
function NumberField({ label, min, step, value, onChange }: NumberFieldProps) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        step={step}
        required
        value={value}
        onChange={(e) => onChange(e.target.valueAsNumber)}
      />
    </label>
  )
}

/** Knobs of the local plex.tv emulator, a 429 burst, its request log, and the chosen server's controls and log. */
export function EmulatorControls({ controlUrl }: { controlUrl: string }) {
  const call = useControl(controlUrl)
  const queryClient = useQueryClient()
  const [feedback, setFeedback] = useState('')
  const [autoRefresh, setAutoRefresh] = useState(true)
  const id = useId()

  // Both refresh every second while autoRefresh is on (the config for the rate limit's countdown).
  const watch = <T,>(queryKey: readonly string[], path: string) => ({
    queryKey,
    queryFn: () => call<T>('GET', path),
    retry: false,
    refetchInterval: autoRefresh ? 1000 : (false as const),
  })
  const config = useQuery(watch<EmulatorConfig>(keys.config, '/config'))
  const log = useQuery(watch<EmulatorLogEntry[]>(keys.log, '/log'))

  const [form, setForm] = useState<EmulatorKnobs | null>(null)
  useEffect(() => {
    if (config.data && form === null) {
      const { rateLimit: _ignored, ...knobs } = config.data
      setForm(knobs)
    }
  }, [config.data, form])
  const [burst, setBurst] = useState({ count: 5, retryAfter: 2 })

  const configure = useMutation({
    mutationFn: (patch: EmulatorConfigPatch) =>
      call<EmulatorConfig>('POST', '/config', patch),
    onSuccess: (next) => queryClient.setQueryData(keys.config, next),
  })
  const clearLog = useMutation({
    mutationFn: () => call<null>('DELETE', '/log'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.log }),
  })
  const reset = useMutation({
    mutationFn: () => call<null>('POST', '/reset'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['react-plex-auth-demo', 'emulator'] }),
  })

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action()
      setFeedback(done)
    } catch (error) {
      setFeedback(`Failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  const applySettings = (event: FormEvent) => {
    event.preventDefault()
    if (form) void run(() => configure.mutateAsync(form), 'Settings applied (PIN lifetime counts for new PINs).')
  }
  const injectBurst = (event: FormEvent) => {
    event.preventDefault()
    void run(
      () => configure.mutateAsync({ rateLimit: burst }),
      `The next ${burst.count} requests to /pins answer 429 (Retry-After: ${burst.retryAfter} s).`,
    )
  }

  if (config.isError) {
    return (
      <p role="alert">
        The emulator does not answer at <code>{controlUrl}</code>: {config.error.message}
      </p>
    )
  }
  if (!form) return <p>Loading the emulator settings...</p>

  const entries = [...(log.data ?? [])].reverse().slice(0, 50)
  return (
    <div className="demo-stack">
      <div className="demo-columns">
        <form onSubmit={applySettings} aria-labelledby={`${id}-settings`}>
          <fieldset>
            <legend id={`${id}-settings`}>Settings</legend>
            <NumberField
              label="PIN lifetime (seconds)"
              min={1}
              step="any"
              value={form.pinLifetime}
              onChange={(pinLifetime) => setForm({ ...form, pinLifetime })}
            />
            <NumberField
              label="Latency (ms)"
              min={0}
              step={50}
              value={form.latency}
              onChange={(latency) => setForm({ ...form, latency })}
            />
            <label>
              Expired PIN answers
              <select
                value={form.expiredStyle}
                onChange={(e) => setForm({ ...form, expiredStyle: e.target.value as ExpiredStyle })}
              >
                <option value="404">404 Code not found or expired</option>
                <option value="null-token">200 with a null token</option>
              </select>
            </label>
            <label className="demo-check">
              <input type="checkbox" checked={form.coop} onChange={(e) => setForm({ ...form, coop: e.target.checked })} />
              Send Cross-Origin-Opener-Policy on the approval page
            </label>
            <button type="submit" className="demo-button">
              Apply settings
            </button>
          </fieldset>
        </form>

        <form onSubmit={injectBurst} aria-labelledby={`${id}-burst`}>
          <fieldset>
            <legend id={`${id}-burst`}>Rate limit (429 burst)</legend>
            <NumberField
              label="Requests to refuse"
              min={1}
              step={1}
              value={burst.count}
              onChange={(count) => setBurst({ ...burst, count })}
            />
            <NumberField
              label="Retry-After (seconds)"
              min={0}
              step={1}
              value={burst.retryAfter}
              onChange={(retryAfter) => setBurst({ ...burst, retryAfter })}
            />
            <button type="submit" className="demo-button">
              Inject 429 burst
            </button>
            <p className="demo-hint">
              Still to refuse: {config.data?.rateLimit.remaining ?? 0}
            </p>
          </fieldset>
        </form>
      </div>

      <p role="status" aria-live="polite" className="demo-feedback">
        {feedback}
      </p>

      <div className="demo-row">
        <label className="demo-check">
          <input type="checkbox" checked={autoRefresh} onChange={(e) => setAutoRefresh(e.target.checked)} />
          Refresh the log every second
        </label>
        <button type="button" className="demo-button demo-button--secondary" onClick={() => void log.refetch()}>
          Refresh log
        </button>
        <button
          type="button"
          className="demo-button demo-button--secondary"
          onClick={() => void run(() => clearLog.mutateAsync(), 'Log cleared.')}
        >
          Clear log
        </button>
        <button
          type="button"
          className="demo-button demo-button--secondary"
          onClick={() => void run(() => reset.mutateAsync(), 'Emulator reset: PINs, tokens, log and rate limit forgotten.')}
        >
          Reset emulator
        </button>
      </div>

      <RequestLog
        id={id}
        caption={`Request log (newest first${entries.length === 50 ? ', last 50' : ''})`}
        columns={['status', 'PIN', 'client']}
        rows={entries.map((entry) => ({
          ...entry,
          failed: entry.status >= 400,
          cells: [
            entry.status,
            entry.pinId ?? '-',
            <span title={entry.clientIdentifier ?? undefined}>{entry.clientIdentifier ? `${entry.clientIdentifier.slice(0, 8)}…` : '-'}</span>,
          ],
        }))}
      />

      <ServerControls controlUrl={controlUrl} autoRefresh={autoRefresh} />
    </div>
  )
}
