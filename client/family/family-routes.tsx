/**
 * The pages a family account (parents and carers, children, advocates) is given, by path: their own
 * page for their case (`/cases/:id`) and their views for a meeting (`/meetings/:id/views`); the whole
 * plan as a table, a meeting's live minutes, the record of its finalised notes and the family's copy
 * of the joint report as every member has them (each shows a family member only what is theirs, and
 * the server sends nothing else); and, at every staff-only address, a page that says so.
 * @module
 */
import { ReportPage } from '../report/ReportPage.tsx'
import type { Route } from '../routes.tsx'
import { RecordPage } from '../versions/RecordPage.tsx'
import { FamilyCasePage } from './FamilyCasePage.tsx'
import { FamilyMinutesPage, FamilyPlanPage } from './FamilyFramedPages.tsx'
import { FamilyHomePage } from './FamilyHomePage.tsx'
import { FamilyMeetingPage } from './FamilyMeetingPage.tsx'
import { StaffOnlyPage } from './StaffOnlyPage.tsx'

const ID = '([A-Za-z0-9_-]{1,64})'

export const familyRoutes: Route[] = [
  { pattern: /^\/$/, render: (_m, ctx) => <FamilyHomePage name={ctx.user.name} /> },
  { pattern: /^\/admin(\/.*)?$/, render: () => <StaffOnlyPage /> },
  { pattern: /^\/team$/, render: () => <StaffOnlyPage /> },
  { pattern: /^\/cases\/new$/, render: () => <StaffOnlyPage /> },
  { pattern: new RegExp(`^/cases/${ID}/audit$`), render: () => <StaffOnlyPage /> },
  { pattern: new RegExp(`^/cases/${ID}$`), render: (m, ctx) => <FamilyCasePage key={m[1]} caseId={m[1]!} identity={ctx.identity} /> },
  // The whole plan as a table, with the family member's own rows editable as the plan's rules allow.
  { pattern: new RegExp(`^/cases/${ID}/plan$`), render: (m, ctx) => <FamilyPlanPage key={`${m[1]}-plan`} caseId={m[1]!} identity={ctx.identity} /> },
  { pattern: new RegExp(`^/meetings/${ID}/views$`), render: (m, ctx) => <FamilyMeetingPage key={m[1]} meetingId={m[1]!} identity={ctx.identity} /> },
  { pattern: new RegExp(`^/meetings/${ID}$`), render: (m, ctx) => <FamilyMinutesPage key={m[1]} meetingId={m[1]!} identity={ctx.identity} /> },
  { pattern: new RegExp(`^/meetings/${ID}/record$`), render: (m) => <RecordPage key={`${m[1]}-record`} meetingId={m[1]!} subject="minutes" /> },
  { pattern: new RegExp(`^/meetings/${ID}/report$`), render: (m, ctx) => <ReportPage key={m[1]} meetingId={m[1]!} identity={ctx.identity} /> },
]
