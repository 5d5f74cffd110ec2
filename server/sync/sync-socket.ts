/**
 * The only things the sync core needs from a transport. The Hono websocket route adapts to it; tests
 * can pass a plain object.
 * @module
 */
export interface SyncSocket {
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
  /** Bytes queued for the peer and not yet sent (absent where the transport cannot tell). */
  bufferedAmount?(): number
}
