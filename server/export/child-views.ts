/**
 * The child's own views (their views form, issue 14: what is going well, what worries me, what I want
 * to happen), written in their own update of the meeting's minutes (`update:<memberId>`), as blocks in
 * their own words. The notes put them under "Voice of the child" and the joint report under its voice
 * of the child. Whoever may read the minutes may read them (every current member, the family too), so
 * both copies of both documents carry them; they are read from a fresh `Y.Doc`, never a live room.
 * @module
 */
import type * as Y from 'yjs'
import type { NotesBlock } from '../../schemas/api/version-view.ts'
import type { Member } from '../../schemas/entities/index.ts'
import { isEmptyRichText, richTextJson } from './section-json.ts'

/** "Ash Vale’s views, in their own words": the subheading above a child's answers. */
export function childViewsHeading(name: string): string {
  return `${name}’s views, in their own words`
}

/** Each child member's written views, a subheading and their text; nothing for a child who wrote none. */
export function childViewsBlocks(minutes: Y.Doc, members: readonly Member[]): NotesBlock[] {
  return members
    .filter((m) => m.role === 'child')
    .flatMap((m) => {
      const json = richTextJson(minutes, `update:${m.id}`)
      return isEmptyRichText(json) ? [] : [{ kind: 'subheading' as const, text: childViewsHeading(m.name) }, { kind: 'rich' as const, doc: json }]
    })
}
