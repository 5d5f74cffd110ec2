/**
 * Rules for updates a room holds while they wait for structs the server has not seen (issue 9 §2):
 * capped by age, count and bytes per connection and bytes per room, and looked at again only once a
 * client they wait for has moved on, so that waiting costs nothing.
 * @module
 */
import * as Y from 'yjs'
import { HELD_LIMITS } from '../../schemas/limits.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import type { HeldUpdate } from './connection.ts'
import type { Refusal } from './update-guard.ts'

export type HeldLimits = { readonly [K in keyof typeof HELD_LIMITS]: number }

/**
 * Why adding `extra` bytes to `held` breaks `limits` (with `roomHeldBytes` held by the whole room),
 * as the refusal and its close code; null when it may wait on.
 */
export function heldOverLimit(held: HeldUpdate, extra: number, roomHeldBytes: number, limits: HeldLimits, now = performance.now()): { refusal: Refusal; code: number } | null {
  if (now - held.since > limits.ageMs) return { refusal: { section: '*', reason: 'held-too-long' }, code: CloseCode.HeldTooLong }
  const tooLarge = (detail: string) => ({ refusal: { section: '*', reason: 'too-large' as const, detail }, code: CloseCode.UpdateTooLarge })
  if (held.count + 1 > limits.updatesPerConnection) return tooLarge('too many held updates')
  if (held.update.length + extra > limits.bytesPerConnection) return tooLarge('too many held bytes')
  return roomHeldBytes + extra > limits.bytesPerRoom ? tooLarge('too many held bytes in the room') : null
}

/** Whether something `held` waits for may have arrived in `doc` since it was last tried. */
export function mayHaveArrived(held: HeldUpdate, doc: Y.Doc): boolean {
  for (const [client, clock] of held.waitingOn) if (Y.getState(doc.store, client) > clock) return true
  return held.waitingOn.size === 0
}
