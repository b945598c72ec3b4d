import type { ReactNode } from 'react'
import { time } from './useControl'

/** One request of a log: when, what, whether it failed, and the table's other cells. */
export interface RequestLogRow {
  time: number
  method: string
  path: string
  query: string
  failed: boolean
  cells: ReactNode[]
}

/**
 * A request log as a scrollable, captioned table (newest first): time and request, then
 * `columns`. The emulator's plex.tv log and its servers' log both use it.
 */
export function RequestLog({ id, caption, columns, rows }: { id: string; caption: string; columns: string[]; rows: RequestLogRow[] }) {
  return (
    <div className="demo-table-wrap" tabIndex={0} role="region" aria-labelledby={`${id}-log`}>
      <table className="demo-table">
        <caption id={`${id}-log`}>{caption}</caption>
        <thead>
          <tr>
            {['time', 'request', ...columns].map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 2}>No requests yet.</td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={`${row.time}-${index}`} data-status={row.failed ? 'error' : 'ok'}>
                <td>{time(row.time)}</td>
                <td>
                  <code>
                    {row.method} {row.path}
                    {row.query}
                  </code>
                </td>
                {row.cells.map((cell, column) => (
                  <td key={column}>{cell}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}
