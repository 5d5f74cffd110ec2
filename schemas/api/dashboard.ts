/**
 * `/api/dashboard`: "My cases" — per case, what is overdue and what is due soon (DESIGN §8).
 * @module
 */
import * as z from 'zod'
import { CaseStatus } from '../entities/case.ts'
import { MeetingType } from '../entities/meeting.ts'
import { CoreGroupRole } from '../roles.ts'
import { DueItem } from '../timescales/due-items.ts'

/** One case on the dashboard. */
export const DashboardCase = z.strictObject({
  id: z.string(),
  familyName: z.string(),
  status: CaseStatus,
  viewerRole: CoreGroupRole.nullable(),
  /** Open items that are overdue or due soon, overdue first, then by due date. */
  due: z.array(DueItem),
  counts: z.strictObject({ overdue: z.number().int(), dueSoon: z.number().int() }),
  /** The next planned meeting, if any. */
  nextMeeting: z.strictObject({ id: z.string(), date: z.string(), type: MeetingType }).nullable(),
})
export type DashboardCase = z.infer<typeof DashboardCase>

/** GET /api/dashboard. */
export const DashboardResponse = z.strictObject({
  /** The UK date the statuses were computed for. */
  today: z.string(),
  cases: z.array(DashboardCase),
})
export type DashboardResponse = z.infer<typeof DashboardResponse>
