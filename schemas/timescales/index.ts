/**
 * Timescales: ISO date arithmetic, UK bank holidays, the working-day calendar, the per-authority rules
 * and what a case owes by when.
 * @module
 */
export * from './iso-date.ts'
export * from './bank-holidays.ts'
export * from './calendar.ts'
export * from './settings.ts'
export * from './due-date.ts'
export * from './meeting-facts.ts'
export * from './due-items.ts'
export * from './propose.ts'
