/**
 * The case's plan document (`plan:<caseId>`) opened through the same machinery as the minutes
 * (`useDocumentSync`: the local copy, offline edits, the save tracker, reload after a refusal), with its
 * rows, presence, lock state and connection, for the plan table and the lists that read it.
 * @module
 */
import { useCallback, useEffect, useState } from 'react'
import { useSyncNotices } from '../collab/use-sync-notices.ts'
import type { ControlState } from '../../schemas/permissions.ts'
import { planDocumentName } from '../../schemas/plan/plan-rules.ts'
import type { ConnectionState, DocumentSync } from '../collab/document-sync.ts'
import type { Identity } from '../collab/identity.ts'
import type { SaveState } from '../collab/save-tracker.ts'
import { useControlState } from '../collab/use-control-state.ts'
import { useDocumentSync, useSyncValue } from '../collab/use-document-sync.ts'
import { usePresence, type Presence } from '../collab/use-presence.ts'
import { planActions, readRows, type PlanRow } from './plan-rows.ts'

export interface PlanDocument {
  /** `plan:<caseId>`. */
  name: string
  sync: DocumentSync | null
  /** False until the local copy or the server has given the rows (so "no actions" never flashes). */
  loaded: boolean
  rows: PlanRow[]
  people: Presence[]
  control: ControlState
  connection: ConnectionState
  save: SaveState
  /** A refused change or a closed connection, in words. */
  notice: string | undefined
  /** Tells the others which row this user is on (the row's key), or that they left the rows (null). */
  focusRow: (key: string | null) => void
}

const WORDS_FOR_REASON: Record<string, string> = {
  'not-writable': 'you may not change that part of the plan',
  locked: 'the plan is locked',
  'read-only': 'you can read the plan but not change it',
  'invalid-content': 'the row did not match the plan’s form',
}

/** Opens the case's plan for `identity`; with `enabled` false (someone who may not read it) nothing is opened. */
export function usePlanDocument(caseId: string, identity: Identity, enabled = true): PlanDocument {
  const name = planDocumentName(caseId)
  const sync = useDocumentSync(name, identity.id, enabled)
  const connection = useSyncValue(sync, ['connection'], (s) => s.connection, 'connecting')
  const save = useSyncValue(sync, ['save'], (s) => s.save, 'saved')
  const people = usePresence(sync)
  const control = useControlState(sync)
  const [rows, setRows] = useState<PlanRow[]>([])
  const [loaded, setLoaded] = useState(false)
  const [notice, setNotice] = useState<string>()

  useEffect(() => {
    if (!sync) return
    // Presence speaks for the signed-in user only (the server drops any other claim).
    sync.awareness.setLocalStateField('user', { id: identity.id, name: identity.name, color: identity.color })
  }, [sync, identity])

  useEffect(() => {
    if (!sync) return
    setLoaded(false)
    const actions = planActions(sync.doc)
    const update = () => setRows(readRows(actions))
    update()
    actions.observeDeep(update)
    let live = true
    const done = () => live && setLoaded(true)
    void Promise.race([sync.persistence?.whenSynced ?? new Promise(() => {}), sync.whenSynced()]).then(done)
    return () => {
      live = false
      actions.unobserveDeep(update)
    }
  }, [sync])

  useSyncNotices(sync, setNotice, (_section, reason) =>
    `Your last change to the plan was not saved (${WORDS_FOR_REASON[reason] ?? reason.replace(/-/g, ' ')}). Your copy has been reloaded from the server.`,
  )

  // Named presence per row: the row whose control has focus, in this user's awareness state.
  const focusRow = useCallback(
    (key: string | null) => {
      if (!sync) return
      const state = sync.awareness.getLocalState() as { planRow?: unknown } | null
      if (state !== null && state.planRow !== key) sync.awareness.setLocalStateField('planRow', key)
    },
    [sync],
  )

  return { name, sync, loaded, rows, people, control, connection, save, notice, focusRow }
}
