/**
 * The signed-in pages by path. Each page is a component under pages/; add a route here.
 * @module
 */
import type { ReactNode } from 'react'
import type { SessionUser } from '../schemas/api/session.ts'
import type { Identity } from './collab/identity.ts'
import { AuditPage } from './pages/AuditPage.tsx'
import { TeamPage } from './pages/TeamPage.tsx'
import { SettingsPage } from './pages/SettingsPage.tsx'
import { UsersPage } from './pages/UsersPage.tsx'
import { CasePage } from './pages/CasePage.tsx'
import { MeetingPage } from './meeting/MeetingPage.tsx'
import { MyCasesPage } from './pages/MyCasesPage.tsx'
import { NewCasePage } from './pages/NewCasePage.tsx'
import { RecordPage } from './versions/RecordPage.tsx'
import { ReportPage } from './report/ReportPage.tsx'

export interface RouteContext {
  user: SessionUser
  identity: Identity
}

export interface Route {
  pattern: RegExp
  render: (match: RegExpExecArray, ctx: RouteContext) => ReactNode
}

const ID = '([A-Za-z0-9_-]{1,64})'

export const routes: Route[] = [
  { pattern: /^\/$/, render: () => <MyCasesPage /> },
  { pattern: /^\/admin\/users$/, render: (_m, ctx) => <UsersPage selfId={ctx.user.id} /> },
  { pattern: /^\/admin\/settings$/, render: (_m, ctx) => <SettingsPage isAdministrator={ctx.user.accountRole === 'administrator'} /> },
  { pattern: /^\/team$/, render: () => <TeamPage /> },
  { pattern: /^\/cases\/new$/, render: () => <NewCasePage /> },
  { pattern: new RegExp(`^/cases/${ID}$`), render: (m, ctx) => <CasePage key={m[1]} caseId={m[1]!} identity={ctx.identity} tab="summary" /> },
  { pattern: new RegExp(`^/cases/${ID}/plan$`), render: (m, ctx) => <CasePage key={`${m[1]}-plan`} caseId={m[1]!} identity={ctx.identity} tab="plan" /> },
  { pattern: new RegExp(`^/cases/${ID}/audit$`), render: (m) => <AuditPage key={m[1]} caseId={m[1]!} /> },
  { pattern: new RegExp(`^/meetings/${ID}$`), render: (m, ctx) => <MeetingPage key={m[1]} meetingId={m[1]!} identity={ctx.identity} /> },
  { pattern: new RegExp(`^/meetings/${ID}/record$`), render: (m) => <RecordPage key={`${m[1]}-record-${location.search}`} meetingId={m[1]!} subject={new URLSearchParams(location.search).get('subject') === 'report' ? 'report' : 'minutes'} /> },
  { pattern: new RegExp(`^/meetings/${ID}/report$`), render: (m, ctx) => <ReportPage key={m[1]} meetingId={m[1]!} identity={ctx.identity} /> },
]
