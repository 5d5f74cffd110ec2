/**
 * The family's own words where the agenda asks for them (issue 14, item 3): under "The child's views"
 * each child's answers to their views form, and under "Parents' and carers' views" what each parent or
 * carer wrote, read live from their own update and shown read-only, with a link to where they wrote
 * it. The note taker's own record of the item stays above; nobody has to copy the words across.
 * @module
 */
import type { PmJson } from '../../schemas/api/version-view.ts'
import type { CoreGroupRole } from '../../schemas/roles.ts'
import type { DocumentSync } from '../collab/document-sync.ts'
import { fragmentJson, isBlank } from '../editor/fragment-json.ts'
import { sectionAnchor } from '../editor/SectionEditor.tsx'
import { PmView } from '../versions/PmView.tsx'
import { useThrottledRead } from './use-section-texts.ts'

interface Voice {
  id: string
  name: string
}

/** Which members' updates an agenda item shows, and how it introduces them. */
export const VOICES: Record<string, { roles: readonly CoreGroupRole[]; heading: (name: string) => string }> = {
  'childs-views': { roles: ['child'], heading: (name) => `${name}’s views, in their own words` },
  'parents-views': { roles: ['parent-carer'], heading: (name) => `What ${name} wrote` },
}

export function VoicesOnPage({ sync, itemKey, members }: { sync: DocumentSync; itemKey: string; members: ReadonlyArray<Voice & { role: CoreGroupRole }> }) {
  const voices = VOICES[itemKey]
  const who = voices ? members.filter((m) => voices.roles.includes(m.role)) : []
  const texts = useUpdates(sync, who)
  if (!voices || who.length === 0) return null
  const written = who.filter((m) => texts.get(m.id))
  return (
    <div className="voices" data-testid={`voices-${itemKey}`}>
      {written.length === 0 ? (
        <p className="voices__none">{`${listOfNames(who.map((m) => m.name))} ${who.length === 1 ? 'has' : 'have'} not written anything in ${who.length === 1 ? 'their own update' : 'their own updates'} yet.`}</p>
      ) : (
        written.map((m) => (
          <figure key={m.id} className="voices__voice">
            <figcaption className="voices__heading">
              {voices.heading(m.name)} <a href={`#${sectionAnchor(`update:${m.id}`)}`}>(where they wrote it)</a>
            </figcaption>
            <blockquote className="voices__words">
              <PmView doc={texts.get(m.id)!} />
            </blockquote>
          </figure>
        ))
      )}
    </div>
  )
}

/** Each member's update as JSON (absent when blank), re-read a few times a second while it changes. */
function useUpdates(sync: DocumentSync, who: readonly Voice[]): ReadonlyMap<string, PmJson> {
  const key = who.map((m) => m.id).join(',')
  return useThrottledRead(sync, key, (doc) => {
    const next = new Map<string, PmJson>()
    for (const id of key ? key.split(',') : []) {
      const name = `update:${id}`
      if (!doc.share.has(name)) continue
      const json = fragmentJson(doc.getXmlFragment(name))
      if (!isBlank(json)) next.set(id, json)
    }
    return next
  }, NO_UPDATES)
}

const NO_UPDATES: ReadonlyMap<string, PmJson> = new Map()

/** "A", "A and B", "A, B and C". */
function listOfNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}
