/**
 * The live lock state of an open document, from its server-written `control` map.
 * @module
 */
import { useEffect, useState } from 'react'
import { parseControlState } from '../../schemas/control.ts'
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
