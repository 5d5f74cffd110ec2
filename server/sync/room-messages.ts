/**
 * The frames a room sends, and the error a frame that breaks the protocol raises.
 * @module
 */
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { MessageType, SyncStep } from '../../schemas/protocol.ts'

/** Thrown inside frame handling when a frame does not follow the protocol. */
export class ProtocolError extends Error {
  constructor(readonly code: number, message: string) {
    super(message)
  }
}

/** A `Sync` message of `step` carrying `payload` (a state vector or an update). */
export function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Sync)
  encoding.writeVarUint(e, step)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(SyncStep.Update, update)
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Awareness)
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(e)
}
