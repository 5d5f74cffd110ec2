/** Small date helpers for the API tests (UK "today" and ISO arithmetic from schemas/timescales). */
import { addCalendarDays, ukDateOf } from '../../schemas/timescales/index.ts'

export const today = (): string => ukDateOf()
export const addDays = (date: string, days: number): string => addCalendarDays(date, days)
