/**
 * Dates for people, GOV.UK style: '3 March 2026', and with the weekday when a day is being chosen.
 * @module
 */
import { dayOfWeek, formatLongDate, isIsoDate } from '../schemas/timescales/iso-date.ts'

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** `2026-03-03` → `3 March 2026` (anything else is shown as it is). */
export function longDate(iso: string): string {
  return isIsoDate(iso) ? formatLongDate(iso) : iso
}

/** `2026-03-03` → `Tuesday 3 March 2026`. */
export function dayAndDate(iso: string): string {
  return isIsoDate(iso) ? `${WEEKDAYS[dayOfWeek(iso)]} ${formatLongDate(iso)}` : iso
}

/** A server timestamp as UK wall-clock time: `3 March 2026 at 14:05`. */
export function ukDateTime(timestamp: string): string {
  const d = new Date(timestamp)
  if (Number.isNaN(d.getTime())) return timestamp
  const date = d.toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' })
  const time = d.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })
  return `${date} at ${time}`
}
