/**
 * The notices a live document shows when the server refuses a change or closes the connection, in
 * words for the user; a session that ended sends the user back to sign in (unsent changes stay on this
 * device). Shared by the minutes and the plan.
 * @module
 */
import { useEffect, useRef } from 'react'
import { CloseCode, describeClose } from '../../schemas/protocol.ts'
import { loadSession } from '../session.ts'
import type { DocumentSync } from './document-sync.ts'

/** Calls `setNotice` with `describeRejection(section, reason)` on a refusal and the close's words on a close. */
export function useSyncNotices(sync: DocumentSync | null, setNotice: (notice: string) => void, describeRejection: (section: string, reason: string) => string): void {
  // The latest wording (it may read props that change on every render) without re-subscribing.
  const describe = useRef(describeRejection)
  describe.current = describeRejection
  useEffect(() => {
    if (!sync) return
    const onRejected = ({ section, reason }: { section: string; reason: string }) => setNotice(describe.current(section, reason))
    const onClosed = ({ code }: { code: number }) => {
      setNotice(describeClose(code))
      if (code === CloseCode.Unauthenticated) void loadSession()
    }
    sync.on('rejected', onRejected)
    sync.on('closed', onClosed)
    return () => {
      sync.off('rejected', onRejected)
      sync.off('closed', onClosed)
    }
  }, [sync, setNotice])
}
