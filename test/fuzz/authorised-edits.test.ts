/**
 * Property: random concurrent edits by authorised clients — typing, deleting and formatting in the
 * sections each may write, interleaved at random — always converge and are never rejected.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { openClient } from '../support/clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from '../support/core-group.ts'
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

type Who = 'socialWorker' | 'teacher' | 'healthVisitor'
const op = fc.record({
  who: fc.constantFrom<Who>('socialWorker', 'teacher', 'healthVisitor'),
  /** Which of the sections this person may write (index into their list). */
  section: fc.nat(3),
  kind: fc.constantFrom('insert', 'insert', 'delete', 'bold', 'paragraph'),
  at: fc.nat(60),
  len: fc.integer({ min: 1, max: 8 }),
  text: fc.string({ minLength: 1, maxLength: 6 }),
  pause: fc.boolean(),
})

function writable(who: Who): string[] {
  const own = `update:${group.people[who].member.id}`
  if (who === 'socialWorker') return ['item:note-taker', 'item:introductions-and-apologies', own, `update:${group.people.teacher.member.id}`]
  return [own]
}

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

function apply(doc: Y.Doc, section: string, o: Op): void {
  const fragment = doc.getXmlFragment(section)
  doc.transact(() => {
    if (fragment.length === 0 || o.kind === 'paragraph') {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText()])
      fragment.insert(o.kind === 'paragraph' ? Math.min(o.at % 3, fragment.length) : 0, [p])
    }
    const paragraph = fragment.get(o.at % fragment.length) as Y.XmlElement
    const text = paragraph.get(0) as Y.XmlText
    const at = text.length === 0 ? 0 : o.at % (text.length + 1)
    if (o.kind === 'insert' || o.kind === 'paragraph') text.insert(at, o.text)
    else if (o.kind === 'delete' && text.length > 0) text.delete(Math.min(at, text.length - 1), Math.min(o.len, text.length - Math.min(at, text.length - 1)))
    else if (o.kind === 'bold' && text.length > 0) text.format(Math.min(at, text.length - 1), o.len, { bold: o.at % 2 === 0 ? true : null })
  })
}

it('authorised concurrent edits converge and are never rejected', async () => {
  let run = 0
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
      const doc = `meeting:${group.meeting.id}`
      const clients: Record<Who, DocumentSync> = {
        socialWorker: openClient(server.syncUrl, doc, group.as.socialWorker),
        teacher: openClient(server.syncUrl, doc, group.as.teacher),
        healthVisitor: openClient(server.syncUrl, doc, group.as.healthVisitor),
      }
      const rejections: string[] = []
      try {
        for (const c of Object.values(clients)) c.on('rejected', (r) => rejections.push(`${r.section}:${r.reason}`))
        await Promise.all(Object.values(clients).map((c) => c.whenSynced()))
        for (const o of ops) {
          const sections = writable(o.who)
          apply(clients[o.who].doc, sections[o.section % sections.length]!, o)
          if (o.pause) await new Promise((r) => setTimeout(r, 2))
        }
        const saved = await Promise.race([
          Promise.all(Object.values(clients).map((c) => c.whenSaved())).then(() => true),
          new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
        ])
        expect(rejections).toEqual([])
        expect(saved).toBe(true)
        // Saved everywhere: now let every acknowledged change reach every client. (A Y.Doc's toJSON
        // lists only the root types it has opened, so compare each section and the state vectors.)
        const sections = [...new Set((['socialWorker', 'teacher', 'healthVisitor'] as Who[]).flatMap(writable))]
        const snapshot = (c: DocumentSync) =>
          JSON.stringify([Array.from(Y.encodeStateVector(c.doc)), sections.map((s) => c.doc.getXmlFragment(s).toJSON())])
        const converged = async () => {
          for (let i = 0; i < 200; i++) {
            const docs = Object.values(clients).map(snapshot)
            if (docs.every((d) => d === docs[0])) return docs[0]
            await new Promise((r) => setTimeout(r, 10))
          }
          return null
        }
        const result = await converged()
        expect(rejections).toEqual([])
        expect(result).not.toBeNull()
      } finally {
        for (const c of Object.values(clients)) c.destroy()
        run++
      }
    }),
    { numRuns: 25, endOnFailure: true },
  )
  expect(run).toBeGreaterThan(0)
}, 120_000)
