/**
 * Dates as a UK social worker writes them on a record: "Wednesday 13 January 2027".
 * @module
 */
import { dayOfWeek, formatLongDate, isIsoDate, ukDateOf } from '../../schemas/timescales/iso-date.ts'

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** "Wednesday 13 January 2027" for `2027-01-13`; the value itself when it is not a date. */
export function ukLongDate(iso: string): string {
  if (!isIsoDate(iso)) return iso
  return `${WEEKDAYS[dayOfWeek(iso)]} ${formatLongDate(iso)}`
}

/** The UK day of an ISO instant, written long. */
export function ukLongDateOfInstant(instant: string): string {
  return ukLongDate(ukDateOf(new Date(instant)))
}
