/**
 * Who is in the document, from awareness: name, colour, the section they are in and, in the plan, the
 * row they are on.
 * @module
 */
import { useEffect, useState } from 'react'
import type { DocumentSync } from './document-sync.ts'

export interface Presence {
  clientId: number
  name: string
  color: string
  section: string | null
  /** The plan row (its key) whose control has this person's focus, in the plan document. */
  planRow: string | null
  isSelf: boolean
}

function readPresence(sync: DocumentSync): Presence[] {
  const self = sync.doc.clientID
  const people: Presence[] = []
  for (const [clientId, state] of sync.awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user
    if (!user || typeof user.name !== 'string') continue
    people.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#505a5f',
      section: typeof state.section === 'string' ? state.section : null,
      planRow: typeof state.planRow === 'string' ? state.planRow : null,
      isSelf: clientId === self,
    })
  }
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
}

export function usePresence(sync: DocumentSync | null): Presence[] {
  const [people, setPeople] = useState<Presence[]>([])
  useEffect(() => {
    if (!sync) return
    const update = () => setPeople(readPresence(sync))
    update()
    sync.awareness.on('change', update)
    return () => sync.awareness.off('change', update)
  }, [sync])
  return people
}
