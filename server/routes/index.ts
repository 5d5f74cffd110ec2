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
import { invitationRoutes } from './invitations/index.ts'
import { sessionRoutes } from './session/index.ts'

export interface ApiServices {
  db: Db
  store: DocumentStore
  auth: AuthService
  rooms: Rooms
}

export function apiRoutes(services: ApiServices) {
  return new Hono<AppEnv>()
    .route('/session', sessionRoutes(services.auth))
    .route('/invitations', invitationRoutes(services.auth))
}
