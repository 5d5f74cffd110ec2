/**
 * One open shared document as a page uses it: the sync, its connection and save state, who is in it,
 * its control (locks, and what else the server shows there), the notice to show after a refusal or a
 * close, and locking for those who may lock. Shared by the minutes and the other documents' pages.
 * @module
 */
import { useState } from 'react'
import { LockResponse } from '../../schemas/api/locks.ts'
import { api } from '../api/client.ts'
import type { Identity } from './identity.ts'
import { useControlMeta, useControlState } from './use-control-state.ts'
import { useDocumentSync, useSyncValue } from './use-document-sync.ts'
import { usePresence } from './use-presence.ts'
import { useSyncNotices } from './use-sync-notices.ts'

export function useLiveDocument(name: string, identity: Identity, titleOf: (section: string) => string) {
  const sync = useDocumentSync(name, identity.id)
  const connection = useSyncValue(sync, ['connection'], (s) => s.connection, 'connecting')
  const save = useSyncValue(sync, ['save'], (s) => s.save, 'saved')
  const people = usePresence(sync)
  const control = useControlState(sync)
  const meta = useControlMeta(sync)
  const [notice, setNotice] = useState<string>()

  useSyncNotices(sync, setNotice, (section, reason) =>
    `Your last change to “${titleOf(section)}” was not saved (${reason.replace(/-/g, ' ')}). Your copy has been reloaded from the server.`,
  )

  const lock = async (locked: boolean, section?: string) => {
    try {
      await api('POST', `/api/documents/${encodeURIComponent(name)}/locks`, LockResponse, section ? { section, locked } : { locked })
    } catch (err) {
      setNotice(err instanceof Error ? err.message : 'Could not change the lock')
    }
  }

  return { name, sync, connection, save, people, control, meta, notice, setNotice, lock }
}

export type LiveDocumentState = ReturnType<typeof useLiveDocument>
