import { describe, expect, it } from 'vitest'
import { bankHolidayCoverageWarning, bankHolidayOn, bankHolidaysOf, easterSunday, ONE_OFF_CHANGES, PUBLISHED_BANK_HOLIDAYS_UNTIL } from './bank-holidays.ts'

/** Every England and Wales bank holiday 2018–2030, written out by hand (gov.uk/bank-holidays). */
const ENGLAND_AND_WALES: Record<number, string[]> = {
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  // VE day: early May moved to Friday 8 May; Boxing Day on a Saturday, substitute Monday 28.
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  // Christmas on a Saturday and Boxing Day on a Sunday: substitutes Monday 27 and Tuesday 28.
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  // New Year on a Saturday; Jubilee: spring moved to 2 June plus 3 June; state funeral; Christmas Sunday.
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  // New Year on a Sunday; coronation on 8 May.
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2029: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2030: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
}

/** Scotland's bank holidays for three years, written out by hand (gov.uk/bank-holidays). */
const SCOTLAND: Record<number, string[]> = {
  // 1 and 2 January on a weekend: substitutes 3 and 4 January. First Monday in August. St Andrew's Wednesday.
  2022: ['01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26', '12-27'],
  // 1 January on a Sunday: substitutes 2 and 3 January. Coronation on 8 May.
  2023: ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26'],
  // St Andrew's Day on a Saturday: substitute Monday 2 December.
  2024: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
  // Extra bank holiday on Monday 15 June; Boxing Day on a Saturday: substitute Monday 28 December.
  2026: ['01-01', '01-02', '04-03', '05-04', '05-25', '06-15', '08-03', '11-30', '12-25', '12-28'],
}

const dates = (region: 'england-and-wales' | 'scotland', year: number) =>
  bankHolidaysOf(region, year).map((d) => d.date)

describe('England and Wales bank holidays', () => {
  for (const [year, days] of Object.entries(ENGLAND_AND_WALES)) {
    it(`are exactly gov.uk's list in ${year}`, () => {
      expect(dates('england-and-wales', Number(year))).toEqual(days.map((d) => `${year}-${d}`))
    })
  }

  it('include the moved and extra days of 2020, 2021, 2022 and 2023', () => {
    for (const day of ['2020-05-08', '2021-12-27', '2021-12-28', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
      expect(bankHolidayOn('england-and-wales', day), day).not.toBeNull()
    }
    // The rule-based days those replaced are ordinary working days.
    expect(bankHolidayOn('england-and-wales', '2020-05-04')).toBeNull()
    expect(bankHolidayOn('england-and-wales', '2022-05-30')).toBeNull()
  })

  it('name substitute days', () => {
    expect(bankHolidayOn('england-and-wales', '2021-12-28')?.name).toBe('Boxing Day (substitute day)')
    expect(bankHolidayOn('england-and-wales', '2022-01-03')?.name).toBe('New Year’s Day (substitute day)')
    expect(bankHolidayOn('england-and-wales', '2025-04-21')?.name).toBe('Easter Monday')
  })
})

describe('Scotland bank holidays', () => {
  for (const [year, days] of Object.entries(SCOTLAND)) {
    it(`are exactly gov.uk's list in ${year}`, () => {
      expect(dates('scotland', Number(year))).toEqual(days.map((d) => `${year}-${d}`))
    })
  }

  it('have no Easter Monday and no late August holiday', () => {
    expect(bankHolidayOn('scotland', '2025-04-21')).toBeNull()
    expect(bankHolidayOn('scotland', '2025-08-25')).toBeNull()
    expect(bankHolidayOn('scotland', '2025-08-04')?.name).toBe('Summer bank holiday')
  })
})

describe('easterSunday', () => {
  it('matches known Easter dates, including the earliest and latest possible', () => {
    expect(easterSunday(2018)).toBe('2018-04-01')
    expect(easterSunday(2024)).toBe('2024-03-31')
    expect(easterSunday(2025)).toBe('2025-04-20')
    expect(easterSunday(2285)).toBe('2285-03-22') // earliest possible date
    expect(easterSunday(2038)).toBe('2038-04-25') // latest possible date
    expect(easterSunday(1943)).toBe('1943-04-25')
  })
})

describe('one-off bank holidays (days moved or added by proclamation)', () => {
  const regions = ['england-and-wales', 'scotland'] as const
  for (const change of ONE_OFF_CHANGES) {
    it(`${change.add.date} (${change.add.name}) is a bank holiday exactly where it was proclaimed`, () => {
      for (const region of regions) {
        const applies = !change.regions || change.regions.includes(region)
        expect(bankHolidayOn(region, change.add.date)?.name ?? null, region).toBe(applies ? change.add.name : null)
      }
    })
  }

  it('Scotland’s 15 June 2026 is not a bank holiday in England and Wales, and Scotland keeps its usual days that year', () => {
    expect(bankHolidayOn('scotland', '2026-06-15')).not.toBeNull()
    expect(bankHolidayOn('england-and-wales', '2026-06-15')).toBeNull()
    expect(bankHolidayOn('scotland', '2026-05-25')?.name).toBe('Spring bank holiday')
  })
})

describe('the warning for years past the published bank holidays', () => {
  it('is silent while every year is covered', () => {
    expect(bankHolidayCoverageWarning(2026, PUBLISHED_BANK_HOLIDAYS_UNTIL)).toBeNull()
  })

  it('names the years that are only computed', () => {
    const next = PUBLISHED_BANK_HOLIDAYS_UNTIL + 1
    expect(bankHolidayCoverageWarning(2026, next)).toContain(`Those for ${next} are worked out by the usual rules`)
    expect(bankHolidayCoverageWarning(2026, next + 2)).toContain(`${next} to ${next + 2}`)
  })
})
