/**
 * Frames sent to one socket during one turn of the event loop go to the kernel in one write.
 *
 * A busy room sends a socket several frames in a turn: other editors' updates read in the same poll
 * phase, and the acknowledgement of its own. The `ws` library writes each frame as it is sent (one
 * `writev` system call per frame, the largest single cost in the S2 profile). The first frame of a turn
 * corks the socket's stream and the turn's check phase uncorks every corked stream, so what a turn
 * sent leaves together, in order, before the loop waits for I/O again (uWebSockets' `cork`, done
 * for `ws`). Closing a stream uncorks it (`end()` flushes), so a close frame is never held.
 * @module
 */

/** The part of a Node stream that corking uses. */
export interface Corkable {
  cork(): void
  uncork(): void
}

const corked = new Set<Corkable>()
let flushQueued = false

/** Corks `stream` until this turn's check phase (once per turn; later calls are free). */
export function corkForTurn(stream: Corkable): void {
  if (corked.has(stream)) return
  stream.cork()
  corked.add(stream)
  if (!flushQueued) {
    flushQueued = true
    setImmediate(uncorkAll)
  }
}

function uncorkAll(): void {
  flushQueued = false
  for (const s of corked) s.uncork()
  corked.clear()
}

/** The TCP stream under a `ws` WebSocket, or null where the transport is something else. */
export function streamOf(raw: unknown): Corkable | null {
  const s = (raw as { _socket?: Partial<Corkable> } | undefined)?._socket
  return s && typeof s.cork === 'function' && typeof s.uncork === 'function' ? (s as Corkable) : null
}
