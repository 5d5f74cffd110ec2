/**
 * Dates and times in words, the way GOV.UK writes them, whatever the browser's locale:
 * "Wednesday 13 January 2027, 10am", "2:30pm", "midday". Used by the pages and the exports alike.
 * @module
 */
import { dayOfWeek, formatLongDate, isIsoDate } from '../timescales/iso-date.ts'

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

/** `10:00` → `10am`, `14:30` → `2:30pm`, `12:00` → `midday`, `00:00` → `midnight`; anything else as it is. */
export function formatUkTime(hhmm: string): string {
  const m = CLOCK.exec(hhmm)
  if (!m) return hhmm
  const hours = Number(m[1])
  const minutes = m[2]!
  if (minutes === '00' && hours === 12) return 'midday'
  if (minutes === '00' && hours === 0) return 'midnight'
  const twelve = hours % 12 === 0 ? 12 : hours % 12
  return `${twelve}${minutes === '00' ? '' : `:${minutes}`}${hours < 12 ? 'am' : 'pm'}`
}

/** `2027-01-13` → `Wednesday 13 January 2027`; anything else as it is. */
export function formatDayAndDate(iso: string): string {
  return isIsoDate(iso) ? `${WEEKDAYS[dayOfWeek(iso)]} ${formatLongDate(iso)}` : iso
}

/** `2027-01-13`, `10:00` → `Wednesday 13 January 2027, 10am` (the time left out when there is none). */
export function formatDayDateTime(iso: string, hhmm?: string | null): string {
  const day = formatDayAndDate(iso)
  return hhmm ? `${day}, ${formatUkTime(hhmm)}` : day
}
