import { describe, expect, it } from 'vitest'
import type { CoreGroupRole } from '../roles.ts'
import {
  ALREADY_SIGNED_OFF_MESSAGE,
  CANCELLED_MEETING_MESSAGE,
  LEAD_RECORDS_NOTHING_MESSAGE,
  maySeeDecision,
  NOT_A_RECORDER_MESSAGE,
  NOT_TEAM_MANAGER_MESSAGE,
  recordDecisionRefusal,
  signOffRefusal,
  SOCIAL_WORKER_PRESENT_MESSAGE,
  type DecisionMeeting,
} from './decision-rules.ts'

const absent: DecisionMeeting = { socialWorkerAbsent: true, status: 'held', chairMemberId: 'm-chair', noteTakerMemberId: 'm-notes' }
const member = (memberId: string, role: CoreGroupRole, userId: string | null = `u-${memberId}`) => ({ memberId, role, userId })

describe('recordDecisionRefusal', () => {
  // Who, in which place at the meeting, may record: written out, not computed.
  const table: Array<[string, ReturnType<typeof member> | null, string | null]> = [
    ['the chair (a professional)', member('m-chair', 'professional'), null],
    ['the note taker (a professional)', member('m-notes', 'professional'), null],
    ['the deputy lead, neither chair nor note taker', member('m-deputy', 'deputy-lead'), null],
    ['a team manager who chairs', member('m-chair', 'team-manager'), null],
    ['a professional neither chair nor note taker', member('m-teacher', 'professional'), NOT_A_RECORDER_MESSAGE],
    ['a team manager neither chair nor note taker', member('m-tm', 'team-manager'), NOT_A_RECORDER_MESSAGE],
    ['the lead social worker, even as note taker', member('m-notes', 'lead-social-worker'), LEAD_RECORDS_NOTHING_MESSAGE],
    ['a parent who chairs', member('m-chair', 'parent-carer'), NOT_A_RECORDER_MESSAGE],
    ['a child who takes notes', member('m-notes', 'child'), NOT_A_RECORDER_MESSAGE],
    ['an advocate', member('m-chair', 'advocate'), NOT_A_RECORDER_MESSAGE],
    ['someone who is not a current member', null, NOT_A_RECORDER_MESSAGE],
  ]
  it.each(table)('%s', (_, who, expected) => {
    const refusal = recordDecisionRefusal(who, absent)
    expect(refusal?.message ?? null).toBe(expected)
    if (expected) expect(refusal?.kind).toBe('forbidden')
  })

  it('refuses in words while the social worker is present, and for a cancelled meeting (409)', () => {
    expect(recordDecisionRefusal(member('m-chair', 'professional'), { ...absent, socialWorkerAbsent: false })).toEqual({ kind: 'conflict', message: SOCIAL_WORKER_PRESENT_MESSAGE })
    expect(recordDecisionRefusal(member('m-deputy', 'deputy-lead'), { ...absent, status: 'cancelled' })).toEqual({ kind: 'conflict', message: CANCELLED_MEETING_MESSAGE })
  })

  it('tells someone who may not record that they may not, before saying the social worker is present', () => {
    expect(recordDecisionRefusal(member('m-teacher', 'professional'), { ...absent, socialWorkerAbsent: false })).toEqual({ kind: 'forbidden', message: NOT_A_RECORDER_MESSAGE })
  })

  it('a meeting without a chair or note taker leaves the deputy lead only', () => {
    const open = { ...absent, chairMemberId: null, noteTakerMemberId: null }
    expect(recordDecisionRefusal(member('m-deputy', 'deputy-lead'), open)).toBeNull()
    expect(recordDecisionRefusal(member('m-chair', 'professional'), open)?.message).toBe(NOT_A_RECORDER_MESSAGE)
  })
})

describe('signOffRefusal', () => {
  const waiting = { recordedBy: 'u-deputy', signedOff: false }
  const table: Array<[string, ReturnType<typeof member> | null, { recordedBy: string; signedOff: boolean }, DecisionRefusalLike]> = [
    ['a team manager, on a decision waiting', member('m-tm', 'team-manager'), waiting, null],
    ['a team manager, once signed off', member('m-tm', 'team-manager'), { ...waiting, signedOff: true }, { kind: 'conflict', message: ALREADY_SIGNED_OFF_MESSAGE }],
    ['the team manager who recorded it (as chair or note taker)', member('m-tm', 'team-manager', 'u-deputy'), waiting, null],
    ['the lead social worker', member('m-lead', 'lead-social-worker'), waiting, { kind: 'forbidden', message: NOT_TEAM_MANAGER_MESSAGE }],
    ['the deputy lead', member('m-deputy', 'deputy-lead'), waiting, { kind: 'forbidden', message: NOT_TEAM_MANAGER_MESSAGE }],
    ['a professional', member('m-teacher', 'professional'), waiting, { kind: 'forbidden', message: NOT_TEAM_MANAGER_MESSAGE }],
    ['a parent', member('m-parent', 'parent-carer'), waiting, { kind: 'forbidden', message: NOT_TEAM_MANAGER_MESSAGE }],
    ['someone who is not a current member', null, waiting, { kind: 'forbidden', message: NOT_TEAM_MANAGER_MESSAGE }],
    ['a former team manager (not current: no member)', null, { ...waiting, signedOff: true }, { kind: 'forbidden', message: NOT_TEAM_MANAGER_MESSAGE }],
  ]
  it.each(table)('%s', (_, who, decision, expected) => {
    expect(signOffRefusal(who, decision)).toEqual(expected)
  })
})

type DecisionRefusalLike = { kind: 'forbidden' | 'conflict'; message: string } | null

describe('maySeeDecision', () => {
  const table: Array<[CoreGroupRole, boolean, boolean]> = [
    ['lead-social-worker', false, true],
    ['deputy-lead', false, true],
    ['team-manager', false, true],
    ['professional', false, true],
    ['parent-carer', false, false],
    ['child', false, false],
    ['advocate', false, false],
    ['parent-carer', true, true],
    ['child', true, true],
    ['advocate', true, true],
    ['professional', true, true],
  ]
  it.each(table)('%s, signed off %s: %s', (role, signedOff, expected) => {
    expect(maySeeDecision(role, { signedOff })).toBe(expected)
  })
})
