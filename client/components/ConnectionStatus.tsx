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
 * Connection and save state, in words and icons (never colour alone); announced to screen readers.
 * A second document on the page (the plan beside the minutes) passes `label` ("Plan") and `testIdPrefix`.
 */
export function ConnectionStatus({ connection, save, label, testIdPrefix = '' }: { connection: ConnectionState; save: SaveState; label?: string; testIdPrefix?: string }) {
  const c = CONNECTION_WORDS[connection]
  return (
    <div className={`status-bar${label ? ' status-bar--inline' : ''}`} role="status" aria-live="polite">
      {label && <span className="status-bar__label">{label}:</span>}
      <span className={`status status--${connection}`} data-testid={`${testIdPrefix}connection-status`} data-state={connection}>
        <span aria-hidden="true">{c.icon}</span> {c.text}
      </span>
      <span className={`status status--save-${save}`} data-testid={`${testIdPrefix}save-status`} data-state={save}>
        {SAVE_WORDS[save]}
      </span>
    </div>
  )
}
