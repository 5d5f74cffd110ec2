/**
 * Turning a rule into a date: an anchor date plus (or minus) a duration, on the authority's calendar.
 * @module
 */
import {
  addWorkingDays,
  createCalendar,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  type WorkingCalendar,
} from './calendar.ts'
import { addCalendarDays, addMonths, addWeeks, type IsoDate } from './iso-date.ts'
import type { Duration, TimescaleSettings } from './settings.ts'

const calendars = new WeakMap<TimescaleSettings, WorkingCalendar>()

/** The working-day calendar an authority's settings describe (bank holiday region and closure days). */
export function calendarFor(settings: TimescaleSettings): WorkingCalendar {
  let calendar = calendars.get(settings)
  if (!calendar) {
    calendar = createCalendar({ region: settings.bankHolidays, closureDays: settings.closureDays })
    calendars.set(settings, calendar)
  }
  return calendar
}

/** `date` moved by `sign` × the duration, with no rounding to a working day. */
export function shiftByDuration(date: IsoDate, duration: Duration, sign: 1 | -1, calendar: WorkingCalendar): IsoDate {
  const n = sign * duration.value
  switch (duration.unit) {
    case 'working-days':
      return addWorkingDays(date, n, calendar)
    case 'calendar-days':
      return addCalendarDays(date, n)
    case 'weeks':
      return addWeeks(date, n)
    case 'months':
      return addMonths(date, n)
  }
}

/**
 * The deadline `duration` after `anchor` ("within 10 working days of the conference"). A deadline that
 * lands on a non-working day moves to the previous working day (the default, so that the limit is still
 * kept) or the next one, as the settings say.
 */
export function dueAfter(anchor: IsoDate, duration: Duration, settings: TimescaleSettings): IsoDate {
  const calendar = calendarFor(settings)
  const date = shiftByDuration(anchor, duration, 1, calendar)
  if (isWorkingDay(date, calendar)) return date
  return settings.nonWorkingDueDate === 'next-working-day'
    ? nextWorkingDayOnOrAfter(date, calendar)
    : previousWorkingDayOnOrBefore(date, calendar)
}

/**
 * The deadline `duration` before `anchor` ("final report 5 days before the conference"). One that lands
 * on a non-working day always moves earlier, so that at least the full time is left.
 */
export function dueBefore(anchor: IsoDate, duration: Duration, settings: TimescaleSettings): IsoDate {
  const calendar = calendarFor(settings)
  return previousWorkingDayOnOrBefore(shiftByDuration(anchor, duration, -1, calendar), calendar)
}
