/**
 * UK bank holidays computed by rule: England and Wales share one list, Scotland has its own.
 *
 * The rules are those of the Banking and Financial Dealings Act 1971 and the royal proclamations that
 * moved or added days. A holiday that falls on a weekend gets a substitute: the next weekday that is not
 * already a holiday (so Christmas on a Saturday gives Monday 27 and Boxing Day Tuesday 28 December).
 * One-off days are listed in `ONE_OFF_CHANGES`; add a future proclamation there.
 * @module
 */
import { addCalendarDays, dayOfWeek, formatIsoDate, isWeekend, type IsoDate } from './iso-date.ts'

/** Which bank holiday list applies: England and Wales share one; Scotland has its own. */
export type BankHolidayRegion = 'england-and-wales' | 'scotland'

/** One bank holiday: its date and its name as gov.uk writes it. */
export interface BankHoliday {
  date: IsoDate
  name: string
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return formatIsoDate(year, month, day)
}

/** The first given weekday (0 Sunday … 6 Saturday) of a month. */
function firstWeekday(year: number, month: number, weekday: number): IsoDate {
  const first = formatIsoDate(year, month, 1)
  return addCalendarDays(first, (weekday - dayOfWeek(first) + 7) % 7)
}

/** The last given weekday of a month. */
function lastWeekday(year: number, month: number, weekday: number): IsoDate {
  const nextFirst = month === 12 ? formatIsoDate(year + 1, 1, 1) : formatIsoDate(year, month + 1, 1)
  const last = addCalendarDays(nextFirst, -1)
  return addCalendarDays(last, -((dayOfWeek(last) - weekday + 7) % 7))
}

const MONDAY = 1

/**
 * Days moved or added by proclamation. `replaces` names the rule-based holiday that moved; `add` days
 * are extra. Both regions unless `regions` says otherwise.
 */
export const ONE_OFF_CHANGES: ReadonlyArray<{
  year: number
  replaces?: string
  add: BankHoliday
  regions?: readonly BankHolidayRegion[]
}> = [
  // VE Day 75: the early May bank holiday moved from Monday 4 to Friday 8 May 2020.
  { year: 2020, replaces: 'Early May bank holiday', add: { date: '2020-05-08', name: 'Early May bank holiday (VE day)' } },
  // Platinum Jubilee: the spring bank holiday moved to Thursday 2 June 2022, plus Friday 3 June.
  { year: 2022, replaces: 'Spring bank holiday', add: { date: '2022-06-02', name: 'Spring bank holiday' } },
  { year: 2022, add: { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' } },
  { year: 2022, add: { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' } },
  { year: 2023, add: { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' } },
  // Scotland only: an extra bank holiday on Monday 15 June 2026, after Scotland's first match of the
  // FIFA World Cup (proclaimed for Scotland; England and Wales unchanged).
  { year: 2026, add: { date: '2026-06-15', name: 'Extra bank holiday (FIFA World Cup)' }, regions: ['scotland'] },
]

/**
 * The last year for which the published bank holidays (gov.uk, from the proclamations so far) have
 * been checked against these rules. Later years are computed by the usual rules, which a proclamation
 * can change: the settings screen warns about them.
 */
export const PUBLISHED_BANK_HOLIDAYS_UNTIL = 2027

/** The years from `from` to `to` (inclusive) past the published bank holidays, in words, or null. */
export function bankHolidayCoverageWarning(from: number, to: number): string | null {
  if (to <= PUBLISHED_BANK_HOLIDAYS_UNTIL) return null
  const first = Math.max(from, PUBLISHED_BANK_HOLIDAYS_UNTIL + 1)
  const years = first === to ? String(to) : `${first} to ${to}`
  return `Bank holidays have been published up to the end of ${PUBLISHED_BANK_HOLIDAYS_UNTIL}. Those for ${years} are worked out by the usual rules and may change by royal proclamation: check due dates in ${years} against gov.uk/bank-holidays.`
}

/**
 * Places fixed-date holidays in order: each goes on its own date, or if that is a weekend or already
 * taken, on the next free weekday (the substitute day).
 */
function withSubstitutes(days: ReadonlyArray<BankHoliday>, taken: Set<IsoDate>): BankHoliday[] {
  const placed: BankHoliday[] = []
  for (const holiday of days) {
    let date = holiday.date
    while (isWeekend(date) || taken.has(date)) date = addCalendarDays(date, 1)
    taken.add(date)
    placed.push(date === holiday.date ? holiday : { date, name: `${holiday.name} (substitute day)` })
  }
  return placed
}

function computeYear(region: BankHolidayRegion, year: number): BankHoliday[] {
  const easter = easterSunday(year)
  const movable: BankHoliday[] = [{ date: addCalendarDays(easter, -2), name: 'Good Friday' }]
  if (region === 'england-and-wales') movable.push({ date: addCalendarDays(easter, 1), name: 'Easter Monday' })
  movable.push(
    { date: firstWeekday(year, 5, MONDAY), name: 'Early May bank holiday' },
    { date: lastWeekday(year, 5, MONDAY), name: 'Spring bank holiday' },
    region === 'scotland'
      ? { date: firstWeekday(year, 8, MONDAY), name: 'Summer bank holiday' }
      : { date: lastWeekday(year, 8, MONDAY), name: 'Summer bank holiday' },
  )

  const fixedNewYear: BankHoliday[] = [{ date: formatIsoDate(year, 1, 1), name: 'New Year’s Day' }]
  if (region === 'scotland') fixedNewYear.push({ date: formatIsoDate(year, 1, 2), name: '2nd January' })
  const fixedLater: BankHoliday[] = []
  if (region === 'scotland') fixedLater.push({ date: formatIsoDate(year, 11, 30), name: 'St Andrew’s Day' })
  const christmas: BankHoliday[] = [
    { date: formatIsoDate(year, 12, 25), name: 'Christmas Day' },
    { date: formatIsoDate(year, 12, 26), name: 'Boxing Day' },
  ]

  let days = [...movable]
  for (const change of ONE_OFF_CHANGES) {
    if (change.year !== year || (change.regions && !change.regions.includes(region))) continue
    if (change.replaces) days = days.filter((d) => d.name !== change.replaces)
    days.push(change.add)
  }
  const taken = new Set(days.map((d) => d.date))
  days.push(...withSubstitutes(fixedNewYear, taken), ...withSubstitutes(fixedLater, taken), ...withSubstitutes(christmas, taken))
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

const cache = new Map<string, readonly BankHoliday[]>()

/** The bank holidays of one year in a region, in date order. */
export function bankHolidaysOf(region: BankHolidayRegion, year: number): readonly BankHoliday[] {
  const key = `${region}:${year}`
  let days = cache.get(key)
  if (!days) {
    days = Object.freeze(computeYear(region, year))
    cache.set(key, days)
  }
  return days
}

/** The bank holiday on a date in a region, or null when the date is not one. */
export function bankHolidayOn(region: BankHolidayRegion, date: IsoDate): BankHoliday | null {
  const year = Number(date.slice(0, 4))
  return bankHolidaysOf(region, year).find((d) => d.date === date) ?? null
}
