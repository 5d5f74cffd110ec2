/**
 * Adapts Hono's websocket to the sync core: `/sync/<document name>`. Frames that arrive while the
 * room loads are queued; text frames close the connection (the protocol is binary).
 * @module
 */
import type { UpgradeWebSocket, WSContext } from 'hono/ws'
import { randomUUID } from 'node:crypto'
import { parseDocumentName } from '../../schemas/documents.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { errorSummary, log } from '../log.ts'
import type { Connection } from './connection.ts'
import type { Room } from './room.ts'
import type { Rooms } from './rooms.ts'
import type { SyncSocket } from './sync-socket.ts'

export function syncRoute(upgradeWebSocket: UpgradeWebSocket<any>, rooms: Rooms) {
  return upgradeWebSocket((c) => {
    const name = safeDecode(c.req.param('name') ?? '')
    const known = name !== null && parseDocumentName(name) !== null
    const userId = `anon-${randomUUID().slice(0, 8)}`
    let conn: Connection | null = null
    let joined: Room | null = null
    let early: Uint8Array[] | null = []
    let closed = false

    const socketOf = (ws: WSContext): SyncSocket => ({
      send: (frame) => {
        if (ws.readyState === 1) ws.send(frame as Uint8Array<ArrayBuffer>)
      },
      close: (code, reason) => ws.close(code, reason),
    })

    return {
      onOpen(_evt, ws) {
        if (!known) {
          ws.close(CloseCode.UnknownDocument, 'unknown document')
          return
        }
        rooms.get(name).then(
          (room) => {
            if (closed) return
            joined = room
            conn = room.join(socketOf(ws), { userId })
            for (const f of early ?? []) conn.enqueue(f)
            early = null
          },
          (err) => {
            log.error('sync.open_failed', { doc: name, error: errorSummary(err) })
            ws.close(CloseCode.StoreFailed, 'could not load document')
          },
        )
      },
      onMessage(evt, ws) {
        if (typeof evt.data === 'string') {
          ws.close(CloseCode.UnsupportedData, 'binary frames only')
          return
        }
        const frame = new Uint8Array(evt.data as ArrayBuffer)
        if (conn) conn.enqueue(frame)
        else early?.push(frame)
      },
      onClose() {
        closed = true
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
