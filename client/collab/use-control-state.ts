/**
 * The live lock state of an open document, and what else the server shows there (meeting roles, who
 * locked what), from its server-written `control` map.
 * @module
 */
import { useEffect, useState } from 'react'
import { parseControlMeta, parseControlState, type ControlMeta } from '../../schemas/control.ts'
import { CONTROL_SECTION } from '../../schemas/documents.ts'
import { UNLOCKED, type ControlState } from '../../schemas/permissions.ts'
import type { DocumentSync } from './document-sync.ts'

export function useControlState(sync: DocumentSync | null): ControlState {
  const [state, setState] = useState<ControlState>(UNLOCKED)
  useEffect(() => {
    if (!sync) return
    const control = sync.doc.getMap(CONTROL_SECTION)
    const update = () => setState(parseControlState(control.toJSON()))
    update()
    control.observe(update)
    return () => control.unobserve(update)
  }, [sync])
  return state
}

/** What else the server wrote into `control` for the page: the meeting's roles now, and who locked what. */
export function useControlMeta(sync: DocumentSync | null): ControlMeta {
  const [meta, setMeta] = useState<ControlMeta>(NO_META)
  useEffect(() => {
    if (!sync) return
    const control = sync.doc.getMap(CONTROL_SECTION)
    const update = () => setMeta(parseControlMeta(control.toJSON()))
    update()
    control.observe(update)
    return () => control.unobserve(update)
  }, [sync])
  return meta
}

const NO_META: ControlMeta = Object.freeze({ meetingRoles: null, lockedBy: Object.freeze({}) })
