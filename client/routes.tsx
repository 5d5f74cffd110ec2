/**
 * The signed-in pages by path. Each page is a component under pages/; add a route here.
 * @module
 */
import type { ReactNode } from 'react'
import type { SessionUser } from '../schemas/api/session.ts'
import type { Identity } from './collab/identity.ts'
import { MeetingPage } from './pages/MeetingPage.tsx'

export interface RouteContext {
  user: SessionUser
  identity: Identity
}

export interface Route {
  pattern: RegExp
  render: (match: RegExpExecArray, ctx: RouteContext) => ReactNode
}

function Home() {
  location.replace('/documents/demo:welcome')
  return null
}

export const routes: Route[] = [
  { pattern: /^\/$/, render: () => <Home /> },
  { pattern: /^\/meetings\/([A-Za-z0-9_-]+)$/, render: (m, ctx) => <MeetingPage meetingId={m[1]!} identity={ctx.identity} /> },
]
