/**
 * Calendar dates as `YYYY-MM-DD` strings, with arithmetic done on whole day numbers.
 *
 * Why not `Date`: a `Date` is an instant, and local-time arithmetic moves a date by a day around the
 * clock changes (and on servers in other time zones). Every function here works on the proleptic
 * Gregorian calendar with integer day numbers (day 0 is 1970-01-01), so a date never shifts.
 * ISO strings of four-digit years compare correctly as plain strings.
 * @module
 */

/** A calendar date written `YYYY-MM-DD` (a real date; see `isIsoDate`). */
export type IsoDate = string

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const

/** True in leap years of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** True when the string has the `YYYY-MM-DD` shape, whether or not the date exists. */
export function hasIsoDateShape(value: string): boolean {
  return ISO_DATE_SHAPE.test(value)
}

/** Splits a real `YYYY-MM-DD` date into numbers; null for a wrong shape or a date that does not exist. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE_SHAPE.exec(value)
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

/** True for a real date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null
}

/** Writes a year, month (1–12) and day as `YYYY-MM-DD`. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function requireDate(value: IsoDate): { year: number; month: number; day: number } {
  const parsed = parseIsoDate(value)
  if (!parsed) throw new RangeError(`Not a real YYYY-MM-DD date: ${JSON.stringify(value)}`)
  return parsed
}

/** The day number of a date: whole days since 1970-01-01. Throws on a date that is not real. */
export function toDayNumber(value: IsoDate): number {
  const { year, month, day } = requireDate(value)
  return daysFromCivil(year, month, day)
}

/** The date of a day number (inverse of `toDayNumber`; H. Hinnant's civil_from_days). */
export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp + (mp < 10 ? 3 : -9)
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return formatIsoDate(year, month, day)
}

/** Day of the week: 0 Sunday, 1 Monday … 6 Saturday. */
export function dayOfWeek(value: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(value) + 4) % 7) + 7) % 7
}

/** True on Saturdays and Sundays. */
export function isWeekend(value: IsoDate): boolean {
  const dow = dayOfWeek(value)
  return dow === 0 || dow === 6
}

/** The date `days` calendar days after (or, when negative, before) `value`. */
export function addCalendarDays(value: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(value) + days)
}

/** The date `weeks` weeks after (or before) `value`: the same weekday. */
export function addWeeks(value: IsoDate, weeks: number): IsoDate {
  return addCalendarDays(value, weeks * 7)
}

/**
 * The date `months` calendar months after (or before) `value`. A day that the target month lacks is
 * clamped to its last day: 31 January + 1 month is 28 (or 29) February, never 2 or 3 March.
 */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireDate(value)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12 + 1
  return formatIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)))
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b
}

/** A date in words, as GOV.UK writes it: `2026-03-05` → `5 March 2026`. */
export function formatLongDate(value: IsoDate): string {
  const { year, month, day } = requireDate(value)
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`
}

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/**
 * Today's date in the UK (Europe/London) at the given instant. Use this, not the UTC date, for "today":
 * between midnight and 1 am in summer the UTC date is still yesterday.
 */
export function ukDateOf(instant: Date = new Date()): IsoDate {
  // London's offset from UTC is a whole number of hours, so its date changes only on a UTC hour:
  // within one UTC hour the date is the same, and formatting it (tens of µs) once an hour is enough.
  // Every socket and request asks for "today" (issue 16 §2: it showed in the S2 profile at connect).
  const hour = Math.floor(instant.getTime() / 3_600_000)
  if (hour === lastHour) return lastDate
  const parts = LONDON_DATE.formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  lastDate = `${get('year')}-${get('month')}-${get('day')}`
  lastHour = hour
  return lastDate
}
let lastHour = Number.NaN
let lastDate = ''
