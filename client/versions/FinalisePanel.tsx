/**
 * Finalise (with a confirmation step) or reopen (with a reason) — for the lead social worker and the
 * team manager. The server is the guard; this only asks twice.
 * @module
 */
import { useState } from 'react'

export function FinalisePanel(props: { finalised: boolean; nextNumber: number; busy: boolean; onFinalise: () => Promise<boolean>; onReopen: (reason: string) => Promise<boolean> }) {
  const [confirming, setConfirming] = useState(false)
  const [reopening, setReopening] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)

  if (!props.finalised) {
    return (
      <section className="record__panel" aria-labelledby="finalise-title">
        <h2 id="finalise-title">Finalise the notes</h2>
        {!confirming ? (
          <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="finalise-start">
            Finalise these notes
          </button>
        ) : (
          <div className="notice notice--warning" role="alertdialog" aria-labelledby="finalise-confirm-title" data-testid="finalise-confirm">
            <h3 id="finalise-confirm-title">Finalise as version {props.nextNumber}?</h3>
            <p>
              Nobody will be able to change what this version holds, in any open page, until you reopen it. The plan as it stands now is
              kept with this version.
            </p>
            <button type="button" className="button" disabled={props.busy} onClick={() => void props.onFinalise().then(() => setConfirming(false))} data-testid="finalise-confirm-button">
              Yes, finalise version {props.nextNumber}
            </button>{' '}
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        )}
      </section>
    )
  }
  return (
    <section className="record__panel" aria-labelledby="reopen-title">
      <h2 id="reopen-title">Reopen for changes</h2>
      {!reopening ? (
        <button type="button" className="button button--secondary" onClick={() => setReopening(true)} data-testid="reopen-start">
          Reopen the notes
        </button>
      ) : (
        <form
          className="forms"
          onSubmit={(e) => {
            e.preventDefault()
            if (reason.trim() === '') return setReasonError('Enter why the notes are being reopened')
            setReasonError(null)
            void props.onReopen(reason).then((ok) => ok && (setReopening(false), setReason('')))
          }}
        >
          <div className={`field${reasonError ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor="field-reason">
              Why are you reopening the notes?
            </label>
            <p className="field__hint">The reason is kept with the version. The next finalise makes version {props.nextNumber}.</p>
            {reasonError && <p className="field__error">{reasonError}</p>}
            <textarea id="field-reason" className="field__input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reopen-reason" />
          </div>
          <button type="submit" className="button button--warning" disabled={props.busy} data-testid="reopen-confirm">
            Reopen for a new draft
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setReopening(false)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  )
}
