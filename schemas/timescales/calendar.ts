/**
 * The working-day calendar: weekdays that are neither a bank holiday of the authority's region nor one
 * of the authority's own closure days (for example the days between Christmas and New Year).
 * @module
 */
import { bankHolidayOn, type BankHolidayRegion } from './bank-holidays.ts'
import { addCalendarDays, isIsoDate, isWeekend, toDayNumber, type IsoDate } from './iso-date.ts'

/** A working-day calendar: a bank holiday region plus an authority's own closure days. */
export interface WorkingCalendar {
  readonly region: BankHolidayRegion
  readonly closureDays: ReadonlySet<IsoDate>
}

/** Builds a calendar. Closure days must be real `YYYY-MM-DD` dates. */
export function createCalendar(options: {
  region?: BankHolidayRegion
  closureDays?: Iterable<IsoDate>
} = {}): WorkingCalendar {
  const closureDays = new Set(options.closureDays ?? [])
  for (const day of closureDays) {
    if (!isIsoDate(day)) throw new RangeError(`Closure day is not a real YYYY-MM-DD date: ${JSON.stringify(day)}`)
  }
  return Object.freeze({ region: options.region ?? 'england-and-wales', closureDays })
}

/** England and Wales bank holidays, no closure days. */
export const ENGLAND_AND_WALES: WorkingCalendar = createCalendar({ region: 'england-and-wales' })

/** Scotland's bank holidays, no closure days. */
export const SCOTLAND: WorkingCalendar = createCalendar({ region: 'scotland' })

/** True on a weekday that is not a bank holiday or closure day of the calendar. */
export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = ENGLAND_AND_WALES): boolean {
  return !isWeekend(date) && !calendar.closureDays.has(date) && bankHolidayOn(calendar.region, date) === null
}

/**
 * The `days`-th working day after `date` (before it when negative); `date` itself never counts, so
 * "within 10 working days of Monday 5 January 2026" is Monday 19 January. With 0, returns `date`
 * unchanged, working day or not.
 */
export function addWorkingDays(date: IsoDate, days: number, calendar: WorkingCalendar = ENGLAND_AND_WALES): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Working days must be a whole number: ${days}`)
  const step = days < 0 ? -1 : 1
  let remaining = Math.abs(days)
  let current = date
  while (remaining > 0) {
    current = addCalendarDays(current, step)
    if (isWorkingDay(current, calendar)) remaining--
  }
  return current
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to` (negative when `to`
 * is earlier). The inverse of `addWorkingDays`: `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar = ENGLAND_AND_WALES): number {
  const start = toDayNumber(from)
  const end = toDayNumber(to)
  if (end === start) return 0
  const sign = end > start ? 1 : -1
  let count = 0
  let current = from
  for (let i = 0; i < Math.abs(end - start); i++) {
    // Forwards this counts (from, to]; backwards [to, from), so that addWorkingDays(d, -n) gives -n too.
    current = addCalendarDays(current, sign)
    if (isWorkingDay(current, calendar)) count++
  }
  return sign * count
}

/** `date` if it is a working day, otherwise the next working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendar: WorkingCalendar = ENGLAND_AND_WALES): IsoDate {
  let current = date
  while (!isWorkingDay(current, calendar)) current = addCalendarDays(current, 1)
  return current
}

/** `date` if it is a working day, otherwise the last working day before it. */
export function previousWorkingDayOnOrBefore(date: IsoDate, calendar: WorkingCalendar = ENGLAND_AND_WALES): IsoDate {
  let current = date
  while (!isWorkingDay(current, calendar)) current = addCalendarDays(current, -1)
  return current
}
