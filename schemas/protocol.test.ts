import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { CloseCode, MessageType, SyncStep, describeClose, encodeAck, encodeRejected, frameKind, isUpdateMessage, readAck, readRejected } from './protocol.ts'

describe('protocol messages', () => {
  it('round-trips an acknowledgement, including large sequence numbers', () => {
    for (const seq of [0, 1, 127, 128, 300, 2 ** 31]) {
      const d = decoding.createDecoder(encodeAck(seq))
      expect(decoding.readVarUint(d)).toBe(MessageType.Ack)
      expect(readAck(d)).toBe(seq)
      expect(decoding.hasContent(d)).toBe(false)
    }
  })

  it('round-trips a rejection with its section and reason', () => {
    const d = decoding.createDecoder(encodeRejected('update:m-2', 'not-writable'))
    expect(decoding.readVarUint(d)).toBe(MessageType.Rejected)
    expect(readRejected(d)).toEqual({ section: 'update:m-2', reason: 'not-writable' })
  })

  it('tells update-bearing sync frames from the rest', () => {
    const frame = (type: number, step: number) => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, type)
      encoding.writeVarUint(e, step)
      encoding.writeVarUint8Array(e, new Uint8Array([0, 0]))
      return encoding.toUint8Array(e)
    }
    expect(isUpdateMessage(frame(MessageType.Sync, SyncStep.Step2))).toBe(true)
    expect(isUpdateMessage(frame(MessageType.Sync, SyncStep.Update))).toBe(true)
    expect(isUpdateMessage(frame(MessageType.Sync, SyncStep.Step1))).toBe(false)
    expect(isUpdateMessage(frame(MessageType.Awareness, 1))).toBe(false)
    expect(isUpdateMessage(new Uint8Array([0]))).toBe(false)
  })

  it('has distinct close codes, each with words for the user', () => {
    const codes = Object.values(CloseCode)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes.filter((c) => c >= 4000)) {
      expect(describeClose(code)).not.toBe(describeClose(1006))
    }
    // Codes the client must not retry sit in y-websocket's no-reconnect range.
    for (const c of [CloseCode.Unauthenticated, CloseCode.Forbidden, CloseCode.UpdateRejected, CloseCode.UnknownDocument]) {
      expect(c >= 4400 && c < 4500).toBe(true)
    }
    expect(CloseCode.StoreFailed >= 4500).toBe(true)
  })
})

describe('frameKind', () => {
  it('decodes the type and step as varUints, so a non-canonical zero is still an update', () => {
    expect(frameKind(new Uint8Array([0x80, 0x00, 0x82, 0x00, 0x00]))).toBe('update')
    expect(frameKind(new Uint8Array([0x00, 0x80, 0x80, 0x00]))).toBe('sync-step-1')
    expect(frameKind(new Uint8Array([0x81, 0x00, 0x00]))).toBe('awareness')
    expect(frameKind(new Uint8Array([MessageType.QueryAwareness]))).toBe('query-awareness')
    expect(frameKind(new Uint8Array([0x80]))).toBe('other')
    expect(frameKind(new Uint8Array([MessageType.Auth, 0]))).toBe('other')
  })
})
