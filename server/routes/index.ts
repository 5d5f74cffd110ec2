/**
 * The JSON API, one folder per resource.
 * @module
 */
import { Hono } from 'hono'
import type { AuthService } from '../auth/auth-service.ts'
import type { AppEnv } from '../auth/middleware.ts'
import type { Db } from '../db/schema.ts'
import type { DocumentStore } from '../store/document-store.ts'
import type { Rooms } from '../sync/rooms.ts'
import { auditRoutes } from './audit/index.ts'
import { caseRoutes } from './cases/index.ts'
import { dashboardRoutes } from './dashboard/index.ts'
import { decisionRoutes, meetingDecisionRoutes } from './decisions/index.ts'
import { teamRoutes } from './decisions/team.ts'
import { invitationRoutes } from './invitations/index.ts'
import { passwordResetRoutes } from './password-resets/index.ts'
import { lockRoutes } from './locks/index.ts'
import { finaliseRoutes } from './meetings/finalise.ts'
import { meetingRoutes } from './meetings/index.ts'
import { reportRoutes } from './reports/index.ts'
import { sessionRoutes } from './session/index.ts'
import { settingsRoutes } from './settings/index.ts'
import { userRoutes } from './users/index.ts'
import { versionRoutes } from './versions/index.ts'

export interface ApiServices {
  db: Db
  store: DocumentStore
  auth: AuthService
  rooms: Rooms
}

export function apiRoutes(services: ApiServices) {
  return new Hono<AppEnv>()
    .route('/session', sessionRoutes(services.auth))
    .route('/invitations', invitationRoutes(services.auth, services.db))
    .route('/password-resets', passwordResetRoutes(services.auth))
    .route('/documents', lockRoutes(services))
    .route('/cases', auditRoutes(services))
    .route('/cases', caseRoutes(services))
    .route('/meetings', meetingRoutes(services))
    .route('/meetings', finaliseRoutes(services))
    .route('/meetings', meetingDecisionRoutes(services))
    .route('/decisions', decisionRoutes(services))
    .route('/team', teamRoutes(services))
    .route('/versions', versionRoutes(services))
    .route('/reports', reportRoutes(services))
    .route('/settings', settingsRoutes(services))
    .route('/dashboard', dashboardRoutes(services))
    .route('/users', userRoutes(services))
}
