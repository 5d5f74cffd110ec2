/**
 * For every role × every section kind × read / write / lock, the pure rule (schemas/permissions.ts)
 * and the live server, through real sockets, give the same answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentName, parseDocumentName, type DocumentRef } from '../../schemas/documents.ts'
import { canManageLocks, canRead, UNLOCKED, writeDecision, type Viewer } from '../../schemas/permissions.ts'
import { CloseCode } from '../../schemas/protocol.ts'
import { agendaFor } from '../../schemas/templates/registry.ts'
import { seedTestCoreGroup, PEOPLE, type CoreGroupFixture } from '../support/core-group.ts'
import { MisbehavingClient } from '../support/misbehaving-client.ts'
import { startTestServer, type TestServer } from '../support/server.ts'

let server: TestServer
let group: CoreGroupFixture

beforeAll(async () => {
  server = await startTestServer()
  group = await seedTestCoreGroup(server)
})
afterAll(async () => {
  await server.stop()
})

function viewerOf(person: (typeof PEOPLE)[number]): Viewer {
  const { user, member } = group.people[person]
  return { userId: user.id, memberId: member.id, role: member.role, optedOut: false }
}

/** The documents and, for each, the section kinds to try (a real one of each kind, and strays). */
function documents(): Array<{ ref: DocumentRef; sections: Array<{ label: string; name: (p: (typeof PEOPLE)[number]) => string }> }> {
  const firstItem = agendaFor('seed-004', 'first').items[0]!.key
  const other = (p: (typeof PEOPLE)[number]) => (p === 'healthVisitor' ? group.people.teacher : group.people.healthVisitor).member.id
  return [
    {
      ref: { kind: 'meeting', meetingId: group.meeting.id },
      sections: [
        { label: 'agenda item', name: () => `item:${firstItem}` },
        { label: 'own update', name: (p) => `update:${group.people[p].member.id}` },
        { label: 'another member’s update', name: (p) => `update:${other(p)}` },
        { label: 'actions', name: () => 'actions' },
        { label: 'attendance', name: () => 'attendance' },
        { label: 'control', name: () => 'control' },
        { label: 'item not on the agenda', name: () => 'item:not-on-the-agenda' },
      ],
    },
    { ref: { kind: 'restricted', meetingId: group.meeting.id }, sections: [{ label: 'restricted notes', name: () => 'notes' }] },
    {
      ref: { kind: 'report', reportId: group.preReview.id },
      sections: [
        { label: 'own contribution', name: (p) => `contrib:${group.people[p].member.id}:analysis` },
        { label: 'another agency’s contribution', name: (p) => `contrib:${other(p)}:analysis` },
        { label: 'joint section', name: () => 'joint:recommendation' },
      ],
    },
  ]
}

describe('read and write: rule and server agree', () => {
  for (const person of PEOPLE) {
    it(`${person}`, async () => {
      const viewer = viewerOf(person)
      const roles = { chairMemberId: group.meeting.chairMemberId, noteTakerMemberId: group.meeting.noteTakerMemberId }
      for (const { ref, sections } of documents()) {
        const name = documentName(ref)
        const url = `${server.syncUrl}/${name}`
        const probe = await MisbehavingClient.connect(url, group.as[person])
        const mayRead = canRead(viewer, ref)
        expect({ name, person, read: probe.refused === undefined }).toEqual({ name, person, read: mayRead })
        if (!mayRead) {
          expect(probe.refused).toBe(CloseCode.Forbidden)
          continue
        }
        probe.close()
        for (const section of sections) {
          const sectionName = section.name(person)
          const client = await MisbehavingClient.connect(url, group.as[person])
          const outcome = await client.send(client.insertText(sectionName, `${person} writes`))
          client.close()
          const unknown = sectionName === 'item:not-on-the-agenda'
          const rule = unknown ? { ok: false } : writeDecision(viewer, parseDocumentName(name)!, sectionName, ref.kind === 'report' ? roles : roles, UNLOCKED)
          expect({ person, section: section.label, written: outcome.kind === 'acked' }).toEqual({ person, section: section.label, written: rule.ok })
          if (!rule.ok) expect(outcome.closeCode).toBe(CloseCode.UpdateRejected)
        }
      }
    })
  }
})

describe('lock: rule and server agree', () => {
  for (const person of PEOPLE) {
    it(`${person}`, async () => {
      const name = `meeting:${group.meeting.id}`
      const section = `item:${agendaFor('seed-004', 'first').items[1]!.key}`
      const res = await server.request('POST', `/api/documents/${name}/locks`, { as: group.as[person], body: { section, locked: true } })
      expect({ person, locked: res.status === 200 }).toEqual({ person, locked: canManageLocks(viewerOf(person)) })
      if (res.status === 200) {
        const unlock = await server.request('POST', `/api/documents/${name}/locks`, { as: group.as[person], body: { section, locked: false } })
        expect(unlock.status).toBe(200)
      } else {
        expect(res.status).toBe(403)
      }
    })
  }
})
