/**
 * Fictional content for a seeded meeting's minutes, written through real clients: rich text with
 * headings, marks, lists and a link in agenda items, a member's update, the attendance register, and
 * professionals-only notes. Every name and fact here is invented.
 */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { EDITOR_SCHEMA } from '../../schemas/content/editor-schema.ts'
import type { CoreGroupFixture } from './core-group.ts'

export const WORDS = {
  purpose: 'The group explained its role to Alex in plain words.',
  purposeBold: 'Alex agreed',
  purposeList: 'Weekly home visits continue',
  purposeLink: 'leaflet for families',
  childsViews: 'Robin said school is fun and bedtime is calmer now.',
  nextMeetings: 'The group agreed to meet every four weeks.',
  teacherUpdate: 'Robin has been on time every day this half term.',
  restricted: 'Fictional police intelligence: not for the family.',
}

const paragraph = (...content: object[]) => ({ type: 'paragraph', content })
const text = (t: string, marks?: object[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) })

/** Writes one rich-text section from ProseMirror JSON (as the editor would store it). */
export function writeRichText(doc: Y.Doc, section: string, content: object[]): void {
  prosemirrorJSONToYXmlFragment(EDITOR_SCHEMA, { type: 'doc', content }, doc.getXmlFragment(section))
}

/** The minutes' content, written into `doc` by the lead social worker's client. */
export function writeMinutes(doc: Y.Doc, group: CoreGroupFixture): void {
  const id = (p: keyof CoreGroupFixture['people']) => group.people[p].member.id
  writeRichText(doc, 'item:purpose-and-role', [
    { type: 'heading', attrs: { level: 2 }, content: [text('Role of the core group')] },
    paragraph(text(WORDS.purpose)),
    paragraph(text(WORDS.purposeBold, [{ type: 'bold' }]), text(' to the plan, '), text('with support', [{ type: 'italic' }, { type: 'underline' }])),
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text(WORDS.purposeList))] }] },
    paragraph(text('See the '), text(WORDS.purposeLink, [{ type: 'link', attrs: { href: 'https://example.test/leaflet' } }])),
  ])
  writeRichText(doc, 'item:childs-views', [paragraph(text(WORDS.childsViews))])
  writeRichText(doc, 'item:next-meetings', [paragraph(text(WORDS.nextMeetings))])
  writeRichText(doc, `update:${id('teacher')}`, [paragraph(text(WORDS.teacherUpdate))])
  const rows = doc.getArray<Y.Map<unknown>>('attendance')
  const row = (memberId: string, status: string, reportReceived?: boolean) => {
    const m = new Y.Map<unknown>()
    m.set('memberId', memberId)
    m.set('status', status)
    if (reportReceived !== undefined) m.set('reportReceived', reportReceived)
    return m
  }
  doc.transact(() => {
    rows.push([row(id('socialWorker'), 'present'), row(id('teamManager'), 'present'), row(id('teacher'), 'present'), row(id('parent'), 'present'), row(id('healthVisitor'), 'apologies', true)])
  })
}

/** The professionals-only notes. */
export function writeRestricted(doc: Y.Doc): void {
  writeRichText(doc, 'notes', [paragraph(text(WORDS.restricted))])
}
