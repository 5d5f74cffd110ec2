/**
 * The server's logger. Lines carry event names and ids only — never document text, names or other
 * personal details (this is special-category data about children).
 * @module
 */
type Fields = Record<string, string | number | boolean | null | undefined>

function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}): void {
  const mode = process.env.COREGROUP_LOG
  if (mode === 'silent' || (level === 'info' && mode === 'quiet')) return
  const parts = [new Date().toISOString(), level.toUpperCase(), event]
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) parts.push(`${k}=${v}`)
  const line = parts.join(' ')
  if (level === 'info') console.log(line)
  else console.error(line)
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
}

/** The class name and message of an error, without its stack or any payload. */
export function errorSummary(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 200)
  return String(err).slice(0, 200)
}
