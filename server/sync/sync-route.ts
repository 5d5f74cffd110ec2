/**
 * Adapts Hono's websocket to the sync core: `/sync/<document name>`. The upgrade is authenticated by
 * the session cookie and its Origin checked (scheme, host and port: `routes/origin.ts`); the user's
 * access to the document is resolved before the room is joined, and re-resolved periodically while
 * it is open (`recheckAccess`). A document the user may not know of is refused exactly as a missing
 * one (4404). A demo document is opened in its authority's own sandbox room (`demo/sandbox.ts`).
 * Frames that arrive meanwhile are queued; text frames close the connection.
 * @module
 */
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { UpgradeWebSocket, WSContext } from 'hono/ws'
import { MAX_DOCUMENTS_PER_CONNECTION } from '../../schemas/limits.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import type { SignedIn } from '../auth/auth-service.ts'
import { SESSION_COOKIE } from '../auth/middleware.ts'
import { recheckAccess } from '../cluster/access-recheck.ts'
import { recordAudit } from '../db/repos/audit.ts'
import { roomNameOf } from '../demo/sandbox.ts'
import { errorSummary, log } from '../log.ts'
import type { ApiServices } from '../routes/index.ts'
import { sameOrigin } from '../routes/origin.ts'
import { resolveAccess, withDocumentLayout, type DocumentAccess } from './access.ts'
import type { Connection } from './connection.ts'
import type { Room } from './room.ts'
import { corkForTurn, streamOf } from './turn-cork.ts'
import type { SyncSocket } from './sync-socket.ts'

type Refusal = { code: number; reason: string }

interface Admission {
  signed: SignedIn
  access: DocumentAccess
}

async function admit(c: Context, services: ApiServices, name: string | null): Promise<Admission | Refusal> {
  if (!sameOrigin(c)) return { code: CloseCode.Forbidden, reason: 'origin not allowed' }
  const signed = await services.auth.resolve(getCookie(c, SESSION_COOKIE))
  if (!signed) return { code: CloseCode.Unauthenticated, reason: 'sign in required' }
  if (name === null) return { code: CloseCode.UnknownDocument, reason: 'unknown document' }
  if (services.rooms.connectionsOfSession(signed.sessionId) >= MAX_DOCUMENTS_PER_CONNECTION) {
    await recordAudit(services.db, { event: 'limit-breached', userId: signed.user.id, authorityId: signed.user.authorityId, doc: name, detail: { limit: 'documents-per-session' } })
    return { code: CloseCode.RateLimited, reason: 'too many documents open' }
  }
  const result = await resolveAccess(services.db, signed.user, name)
  if (!result.ok) {
    if (result.reason === 'forbidden') {
      await recordAudit(services.db, { event: 'document-refused', userId: signed.user.id, authorityId: signed.user.authorityId, doc: name })
      return { code: CloseCode.Forbidden, reason: 'no access to this document' }
    }
    return { code: CloseCode.UnknownDocument, reason: 'unknown document' }
  }
  return { signed, access: result.access }
}

export function syncRoute(upgradeWebSocket: UpgradeWebSocket<any>, services: ApiServices) {
  // What admitted a socket is checked again while it is open (stopped by `rooms.closeAll`).
  services.rooms.startAccessRecheck((rooms) => recheckAccess(rooms, services.db))
  return upgradeWebSocket((c) => {
    const name = safeDecode(c.req.param('name') ?? '')
    const admission = admit(c, services, name)
    let conn: Connection | null = null
    let joined: Room | null = null
    // Frames sent before the room is joined wait here, up to a bound.
    let early: Uint8Array[] | null = []
    let closed = false

    const socketOf = (ws: WSContext): SyncSocket => ({
      send: (frame) => {
        if (ws.readyState !== 1) return
        const stream = streamOf(ws.raw)
        if (stream) corkForTurn(stream)
        ws.send(frame as Uint8Array<ArrayBuffer>)
      },
      close: (code, reason) => ws.close(code, reason),
      bufferedAmount: () => (ws.raw as { bufferedAmount?: number } | undefined)?.bufferedAmount ?? 0,
    })

    return {
      onOpen(_evt, ws) {
        void (async () => {
          const admitted = await admission
          if ('code' in admitted) {
            ws.close(admitted.code, admitted.reason)
            return
          }
          const { signed, access } = admitted
          // A demo document's room is its authority's own sandbox room (issue 9 §8).
          const room = await services.rooms.get(roomNameOf(access.doc, name!, access.authorityId))
          if (closed) return
          joined = room
          conn = room.join(socketOf(ws), { userId: signed.user.id, sessionId: signed.sessionId, name: signed.user.name, access: withDocumentLayout(access, room.doc) })
          await recordAudit(services.db, { event: 'document-opened', userId: signed.user.id, authorityId: access.authorityId, caseId: access.caseId, doc: name })
          for (const f of early ?? []) conn.enqueue(f)
          early = null
        })().catch((err) => {
          log.error('sync.open_failed', { doc: name ?? '?', error: errorSummary(err) })
          ws.close(CloseCode.StoreFailed, 'could not open document')
        })
      },
      onMessage(evt, ws) {
        if (typeof evt.data === 'string') {
          ws.close(CloseCode.UnsupportedData, 'binary frames only')
          return
        }
        const frame = new Uint8Array(evt.data as ArrayBuffer)
        if (conn) conn.enqueue(frame)
        else if (early && early.length < 64) early.push(frame)
        else ws.close(CloseCode.RateLimited, 'too many messages before the document opened')
      },
      onClose() {
        closed = true
        early = null
        if (joined && conn) joined.leave(conn)
      },
    }
  })
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}
