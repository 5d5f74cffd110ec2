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
