/**
 * An authority's timescale settings: every statutory or procedural deadline as a number with an
 * explicit unit, the seeds' values as defaults, and the named variants an authority can start from.
 *
 * The seeds disagree on purpose (see shared/seeds/README.md); where they do, the default is the
 * strictest value any of them gives, and each seed's own values are a named variant.
 * @module
 */
import * as z from 'zod'
import { isoDate } from '../entities/fields.ts'

/** The unit of a timescale. Working days skip weekends, bank holidays and the authority's closure days. */
export const TimescaleUnit = z.enum(['working-days', 'calendar-days', 'weeks', 'months'], {
  error: 'Select working days, calendar days, weeks or months',
})
export type TimescaleUnit = z.infer<typeof TimescaleUnit>

/** A length of time: a whole number and its unit. */
export const Duration = z.strictObject({
  value: z
    .number({ error: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(0, 'Enter a number of 0 or more')
    .max(400, 'Enter a number of 400 or fewer'),
  unit: TimescaleUnit,
})
export type Duration = z.infer<typeof Duration>

/** Which bank holidays the working-day calendar uses. */
export const BankHolidayRegionSchema = z.enum(['england-and-wales', 'scotland'], {
  error: 'Select England and Wales or Scotland',
})

/** What a due date counted in calendar days, weeks or months does when it lands on a non-working day. */
export const NonWorkingDueDate = z.enum(['previous-working-day', 'next-working-day'], {
  error: 'Select the previous or the next working day',
})

const d = (value: number, unit: TimescaleUnit): Duration => ({ value, unit })

/** The default of each rule: the strictest value the seeds give. */
export const DEFAULT_RULES = {
  /** First core group after the initial conference (seeds 000, 001, 002, 003). */
  firstCoreGroup: d(10, 'working-days'),
  /** Between core groups: 4 weeks (seeds 000, 002; 001 "where the child needs it"); 6 in 001, 003. */
  coreGroupInterval: d(4, 'weeks'),
  /** Note taker's minutes to the social worker after a core group ("within 5 days", seed 004). */
  minutesToSocialWorker: d(5, 'calendar-days'),
  /** Notes and updated plan sent to every member: 5 working days (seeds 001, 003); 10 in seed 000. */
  notesDistribution: d(5, 'working-days'),
  /** Update on outcomes and actions to a social worker who missed the core group (seed 001). */
  socialWorkerAbsentUpdate: d(2, 'working-days'),
  /** Draft joint report to members after the pre-review core group (seed 004). */
  jointReportDraft: d(5, 'working-days'),
  /** Amendments back to the social worker after the draft (seed 004). */
  jointReportAmendments: d(5, 'working-days'),
  /** Final joint report available before the review conference ("5 days prior", seed 004). */
  jointReportFinalBeforeConference: d(5, 'calendar-days'),
  /** First review conference after the initial conference (Working Together). */
  firstReviewConference: d(3, 'months'),
  /** Between later review conferences (Working Together). */
  reviewConferenceInterval: d(6, 'months'),
} as const satisfies Record<string, Duration>

/** The name of a timescale rule (a key of the settings). */
export type TimescaleRuleName = keyof typeof DEFAULT_RULES

/** The names of every rule, as a schema (for `switchedOff`). */
export const TimescaleRuleNameSchema = z.enum(Object.keys(DEFAULT_RULES) as [TimescaleRuleName, ...TimescaleRuleName[]], {
  error: 'Select a timescale rule',
})

const switchedOffList = z
  .array(TimescaleRuleNameSchema, { error: 'Switched-off rules must be a list of rule names' })
  .max(Object.keys(DEFAULT_RULES).length)
  .transform((names) => [...new Set(names)].sort())

/** Plain-English name of each rule, for the settings page and due-item explanations. */
export const TIMESCALE_RULE_LABELS: Record<TimescaleRuleName, string> = {
  firstCoreGroup: 'First core group after the initial conference',
  coreGroupInterval: 'Time between core groups',
  minutesToSocialWorker: 'Minutes to the social worker after a core group',
  notesDistribution: 'Notes and updated plan sent to members after a core group',
  socialWorkerAbsentUpdate: 'Update to the social worker when they could not attend',
  jointReportDraft: 'Draft joint report sent to members after the pre-review core group',
  jointReportAmendments: 'Amendments to the joint report returned after the draft',
  jointReportFinalBeforeConference: 'Final joint report ready before the review conference',
  firstReviewConference: 'First review conference after the initial conference',
  reviewConferenceInterval: 'Time between review conferences',
}

const ruleShape = Object.fromEntries(
  Object.entries(DEFAULT_RULES).map(([name, value]) => [name, Duration.default(value)]),
) as { [K in TimescaleRuleName]: z.ZodDefault<typeof Duration> }

/**
 * An authority's timescale settings. Every field has a default, so `TimescaleSettings.parse({})` gives
 * the defaults; unknown keys are refused.
 */
export const TimescaleSettings = z.strictObject({
  ...ruleShape,
  /** How far ahead an open item counts as "due soon". */
  dueSoonWindow: Duration.default(d(5, 'working-days')),
  /** A due date counted in calendar units that lands on a non-working day moves to this working day. */
  nonWorkingDueDate: NonWorkingDueDate.default('previous-working-day'),
  /** Bank holidays of the authority's nation (Wales uses England's). */
  bankHolidays: BankHolidayRegionSchema.default('england-and-wales'),
  /** The authority's own closure days, which are not working days. */
  closureDays: z
    .array(isoDate('Closure day'), { error: 'Closure days must be a list of dates' })
    .max(366, 'Enter 366 closure days or fewer')
    .default([]),
  /**
   * Rules the authority has switched off: they give no due date, no "due soon" and no "overdue"
   * (switching off is not the same as 0, which means "due the same day"). Proposals still space
   * meetings by the rule's value.
   */
  switchedOff: switchedOffList.default([]),
})
export type TimescaleSettings = z.infer<typeof TimescaleSettings>
/** What an API request may send: any subset of the settings (missing fields keep their value). */
export const TimescaleSettingsUpdate = z.strictObject({
  ...(Object.fromEntries(Object.keys(DEFAULT_RULES).map((name) => [name, Duration.optional()])) as {
    [K in TimescaleRuleName]: z.ZodOptional<typeof Duration>
  }),
  dueSoonWindow: Duration.optional(),
  nonWorkingDueDate: NonWorkingDueDate.optional(),
  bankHolidays: BankHolidayRegionSchema.optional(),
  closureDays: z.array(isoDate('Closure day')).max(366, 'Enter 366 closure days or fewer').optional(),
  switchedOff: switchedOffList.optional(),
})
export type TimescaleSettingsUpdate = z.infer<typeof TimescaleSettingsUpdate>

/** The defaults of every setting. */
export const DEFAULT_TIMESCALE_SETTINGS: TimescaleSettings = Object.freeze(TimescaleSettings.parse({}))

/** A named set of values from one procedure that an authority can adopt as its starting point. */
export interface TimescaleVariant {
  id: 'strictest' | 'four-weekly-ten-days' | 'six-weekly-five-days'
  name: string
  /** Seed files the values come from. */
  sources: readonly string[]
  /** The rules that differ from the defaults. */
  overrides: Partial<Record<TimescaleRuleName, Duration>>
}

/** The built-in variants. The seeds agree on every rule except the core group interval and the notes. */
export const TIMESCALE_VARIANTS: readonly TimescaleVariant[] = [
  {
    id: 'strictest',
    name: 'Strictest of the procedures (default): 4-weekly, notes within 5 working days',
    sources: ['000_256d3034f79780c2.txt', '001_811b7d828c87b978.txt', '002_ae6d59c425c2a69b.txt', '003_d479ed10080d2502.txt', '004_c1576309cebff34c.txt'],
    overrides: {},
  },
  {
    id: 'four-weekly-ten-days',
    name: 'West Midlands: 4-weekly, notes within 10 working days',
    sources: ['000_256d3034f79780c2.txt'],
    overrides: { coreGroupInterval: d(4, 'weeks'), notesDistribution: d(10, 'working-days') },
  },
  {
    id: 'six-weekly-five-days',
    name: '6-weekly, updated plan within 5 working days',
    sources: ['001_811b7d828c87b978.txt', '003_d479ed10080d2502.txt'],
    overrides: { coreGroupInterval: d(6, 'weeks'), notesDistribution: d(5, 'working-days') },
  },
]

/** Settings from a named variant, with optional further changes on top. Throws for an unknown id. */
export function timescaleSettingsFor(
  variantId: TimescaleVariant['id'],
  changes: TimescaleSettingsUpdate = {},
): TimescaleSettings {
  const variant = TIMESCALE_VARIANTS.find((v) => v.id === variantId)
  if (!variant) throw new Error(`Unknown timescale variant: ${variantId}`)
  return TimescaleSettings.parse({ ...DEFAULT_TIMESCALE_SETTINGS, ...variant.overrides, ...changes })
}

/** Whether a rule gives due dates (it has not been switched off). */
export function isRuleOn(settings: Pick<TimescaleSettings, 'switchedOff'>, rule: TimescaleRuleName): boolean {
  return !settings.switchedOff.includes(rule)
}

/**
 * The settings one case runs on: the authority's, with the case's own core group interval where the
 * case has one (seed 001: "four weekly core groups may be required dependent upon the needs and age
 * of the child").
 */
export function settingsForCase(settings: TimescaleSettings, c: { coreGroupInterval?: Duration | null }): TimescaleSettings {
  return c.coreGroupInterval ? { ...settings, coreGroupInterval: c.coreGroupInterval } : settings
}

/** A duration in words: `{ value: 10, unit: 'working-days' }` → "10 working days". */
export function describeDuration({ value, unit }: Duration): string {
  const words: Record<TimescaleUnit, [string, string]> = {
    'working-days': ['working day', 'working days'],
    'calendar-days': ['day', 'days'],
    weeks: ['week', 'weeks'],
    months: ['month', 'months'],
  }
  const [one, many] = words[unit]
  return `${value} ${value === 1 ? one : many}`
}
