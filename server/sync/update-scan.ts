/**
 * A first pass over an update's bytes (issue 9 §1): counts its structs, client lists and deletions
 * against `UPDATE_LIMITS` without building anything, so a frame over a limit costs a scan of its bytes
 * and no more. Follows yjs 13's V1 encoding (`readClientsStructRefs`, `readItemContent`,
 * `readDeleteSet`). Also refuses what no coregroup section can hold (subdocuments), content kinds yjs
 * does not know, and bytes after the delete set (a V2 update sent as V1 ends up here), and reports an
 * update with neither structs nor deletions as empty.
 * @module
 */
import * as decoding from 'lib0/decoding'
import { UPDATE_LIMITS } from '../../schemas/limits.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import type { Refusal } from './update-guard.ts'
import { MalformedUpdateError } from './update-resolver.ts'

/** An update over one of `UPDATE_LIMITS` (close 4413). */
export class UpdateLimitError extends Error {
  override name = 'UpdateLimitError'
}

/** An update that carries content no section allows, found before decoding (refused as invalid content). */
export class UpdateContentError extends Error {
  override name = 'UpdateContentError'
}

export interface UpdateScan {
  structs: number
  deleteRanges: number
  /** Neither structs nor deletions: nothing to check, apply or store. */
  empty: boolean
}

const BITS5 = 31
const BIT6 = 32
const BIT7 = 64
const BIT8 = 128
const CONTENT_DOC = 9
const TYPE_XML_ELEMENT = 3
const TYPE_XML_HOOK = 5

export function scanUpdate(update: Uint8Array): UpdateScan {
  const d = decoding.createDecoder(update)
  try {
    const structs = scanStructs(d)
    const deleteRanges = scanDeleteSet(d)
    if (decoding.hasContent(d)) throw new MalformedUpdateError('bytes after the delete set')
    return { structs, deleteRanges, empty: structs === 0 && deleteRanges === 0 }
  } catch (err) {
    if (err instanceof UpdateLimitError || err instanceof UpdateContentError || err instanceof MalformedUpdateError) throw err
    throw new MalformedUpdateError('not a Yjs update')
  }
}

function scanStructs(d: decoding.Decoder): number {
  const lists = decoding.readVarUint(d)
  if (lists > remaining(d)) throw new MalformedUpdateError('more client lists than bytes')
  if (lists > UPDATE_LIMITS.structClients) throw new UpdateLimitError(`more than ${UPDATE_LIMITS.structClients} client lists`)
  let total = 0
  for (let i = 0; i < lists; i++) {
    const count = decoding.readVarUint(d)
    decoding.readVarUint(d) // client
    decoding.readVarUint(d) // clock
    if (count > remaining(d)) throw new MalformedUpdateError('more structs than bytes')
    total += count
    if (total > UPDATE_LIMITS.structs) throw new UpdateLimitError(`more than ${UPDATE_LIMITS.structs} structs`)
    for (let j = 0; j < count; j++) scanStruct(d)
  }
  return total
}

function scanStruct(d: decoding.Decoder): void {
  const info = decoding.readUint8(d)
  const ref = info & BITS5
  if (ref === 0 || ref === 10) {
    decoding.readVarUint(d) // GC or skip length
    return
  }
  if (info & BIT8) readId(d)
  if (info & BIT7) readId(d)
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(d) === 1) skipString(d) // a root's name
    else readId(d)
    if (info & BIT6) skipString(d) // parent key
  }
  scanContent(d, ref)
}

function scanContent(d: decoding.Decoder, ref: number): void {
  switch (ref) {
    case 1: // deleted
      decoding.readVarUint(d)
      return
    case 2: // JSON
      for (let n = decoding.readVarUint(d); n > 0; n--) skipString(d)
      return
    case 3: // binary
      decoding.readVarUint8Array(d)
      return
    case 4: // string
    case 5: // embed
      skipString(d)
      return
    case 6: // format: key and value
      skipString(d)
      skipString(d)
      return
    case 7: {
      const type = decoding.readVarUint(d)
      if (type === TYPE_XML_ELEMENT || type === TYPE_XML_HOOK) skipString(d)
      return
    }
    case 8: // any
      for (let n = decoding.readVarUint(d); n > 0; n--) decoding.readAny(d)
      return
    case CONTENT_DOC:
      throw new UpdateContentError('a subdocument')
    default:
      throw new MalformedUpdateError(`content of unknown kind ${ref}`)
  }
}

function scanDeleteSet(d: decoding.Decoder): number {
  const clients = decoding.readVarUint(d)
  if (clients > remaining(d)) throw new MalformedUpdateError('more deleting clients than bytes')
  if (clients > UPDATE_LIMITS.deleteClients) throw new UpdateLimitError(`more than ${UPDATE_LIMITS.deleteClients} clients in the delete set`)
  let total = 0
  for (let i = 0; i < clients; i++) {
    decoding.readVarUint(d) // client
    const ranges = decoding.readVarUint(d)
    if (ranges > remaining(d)) throw new MalformedUpdateError('more deleted ranges than bytes')
    total += ranges
    if (total > UPDATE_LIMITS.deleteRanges) throw new UpdateLimitError(`more than ${UPDATE_LIMITS.deleteRanges} deleted ranges`)
    for (let j = 0; j < ranges; j++) {
      decoding.readVarUint(d)
      decoding.readVarUint(d)
    }
  }
  return total
}

/** Bytes left: every struct, list and range takes at least one, so a count above this is a lie. */
function remaining(d: decoding.Decoder): number {
  return d.arr.length - d.pos
}

function readId(d: decoding.Decoder): void {
  decoding.readVarUint(d)
  decoding.readVarUint(d)
}

/** Skips a V1 string (a varUint byte length, then the bytes) without decoding it. */
function skipString(d: decoding.Decoder): void {
  const length = decoding.readVarUint(d)
  if (d.pos + length > d.arr.length) throw new MalformedUpdateError('a string past the end')
  d.pos += length
}

/** The refusal and close code for an update the scan (or the resolver) stopped. */
export function scanRefusal(err: unknown): [Refusal, number] {
  if (err instanceof UpdateLimitError) return [{ section: '*', reason: 'too-large', detail: err.message }, CloseCode.UpdateTooLarge]
  if (err instanceof UpdateContentError) return [{ section: '*', reason: 'invalid-content', detail: err.message }, CloseCode.UpdateRejected]
  return [{ section: '*', reason: 'malformed', detail: err instanceof Error ? err.message : 'not a Yjs update' }, CloseCode.MalformedMessage]
}
