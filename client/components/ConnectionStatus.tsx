import { useEffect, useState } from 'react'
import type { ConnectionState } from '../collab/document-sync.ts'
import type { SaveState } from '../collab/save-tracker.ts'

const CONNECTION_WORDS: Record<ConnectionState, { icon: string; text: string }> = {
  connecting: { icon: '◌', text: 'Connecting…' },
  online: { icon: '●', text: 'Online' },
  offline: { icon: '○', text: 'Offline – your changes are kept on this device' },
}

const SAVE_WORDS: Record<SaveState, string> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  unsaved: 'Changes not yet saved – they will be sent when you are back online',
}

/**
 * Connection and save state, in words and icons (never colour alone). Screen readers hear a change of
 * connection at once, and the save state only once it has settled for a moment (politely, not at every
 * keystroke's "Saving…"). A second document on the page (the plan beside the minutes) passes `label`
 * ("Plan") and `testIdPrefix`.
 */
export function ConnectionStatus({ connection, save, label, testIdPrefix = '' }: { connection: ConnectionState; save: SaveState; label?: string; testIdPrefix?: string }) {
  const c = CONNECTION_WORDS[connection]
  const settled = useSettled(save, 2000)
  return (
    <div className={`status-bar${label ? ' status-bar--inline' : ''}`}>
      {label && <span className="status-bar__label">{label}:</span>}
      <span className={`status status--${connection}`} data-testid={`${testIdPrefix}connection-status`} data-state={connection} role="status" aria-live="polite">
        {label && <span className="visually-hidden">{label}: </span>}
        <span aria-hidden="true">{c.icon}</span> {c.text}
      </span>
      <span className={`status status--save-${save}`} data-testid={`${testIdPrefix}save-status`} data-state={save} aria-hidden="true">
        {SAVE_WORDS[save]}
      </span>
      <span className="visually-hidden" role="status" aria-live="polite" data-testid={`${testIdPrefix}save-announcement`}>
        {label ? `${label}: ` : ''}
        {SAVE_WORDS[settled]}
      </span>
    </div>
  )
}

/** `value`, once it has stayed the same for `ms` (what an announcement should say). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}
