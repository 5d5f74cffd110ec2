/**
 * Agree or disagree with the recommendation (issue 12 §6): each professional records their own
 * position (`position:<memberId>`, a reason when they disagree); the report lists every disagreement
 * by name and agency, as seed 004 asks ("noted within the joint report").
 * @module
 */
import { useState, type FormEvent } from 'react'
import { PositionRow } from '../../schemas/content/rows.ts'
import type { LayoutMember } from '../../schemas/layout.ts'
import { disagreementLines, memberPositions } from '../../schemas/report/positions.ts'
import type { DocumentSync } from '../collab/document-sync.ts'
import { pushRow, readRows } from './report-rows.ts'

interface Props {
  sync: DocumentSync
  contributors: readonly LayoutMember[]
  viewerMemberId: string | null
  /** The viewer may write their position (they contribute and the section is theirs). */
  canRecord: boolean
}

export function PositionsPanel({ sync, contributors, viewerMemberId, canRecord }: Props) {
  const positions = memberPositions(contributors, (id) => readRows(sync.doc, `position:${id}`, PositionRow))
  const lines = disagreementLines(positions)
  const mine = positions.find((p) => p.memberId === viewerMemberId)
  const [choice, setChoice] = useState<'agree' | 'disagree' | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const record = (e: FormEvent) => {
    e.preventDefault()
    if (choice === null) return setError('Select agree or disagree')
    if (choice === 'disagree' && reason.trim() === '') return setError('Say why you disagree')
    setError(undefined)
    pushRow(sync.doc, `position:${viewerMemberId}`, { position: choice, reason: choice === 'disagree' ? reason.trim() : undefined, at: new Date().toISOString() })
    setReason('')
  }
  return (
    <section className="report-positions" aria-labelledby="positions-title" data-testid="positions">
      <h2 id="positions-title">The recommendation: agreement</h2>
      {lines.length === 0 ? (
        <p>No member has recorded a disagreement.</p>
      ) : (
        <ul data-testid="disagreements">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      <p>
        {positions.filter((p) => p.position === 'agree').length} agree, {positions.filter((p) => p.position === 'disagree').length} disagree,{' '}
        {positions.filter((p) => p.position === null).length} not recorded.
      </p>
      {canRecord && viewerMemberId && (
        <form onSubmit={record} noValidate data-testid="position-form">
          <p>Your position: {mine?.position === 'agree' ? 'you agree' : mine?.position === 'disagree' ? 'you disagree' : 'not recorded yet'}.</p>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <fieldset>
            <legend>Do you agree with the recommendation?</legend>
            <label>
              <input type="radio" name="position" checked={choice === 'agree'} onChange={() => setChoice('agree')} /> I agree
            </label>
            <label>
              <input type="radio" name="position" checked={choice === 'disagree'} onChange={() => setChoice('disagree')} data-testid="position-disagree" /> I disagree
            </label>
          </fieldset>
          {choice === 'disagree' && (
            <label>
              Why you disagree
              <textarea value={reason} maxLength={4000} onChange={(e) => setReason(e.target.value)} data-testid="position-reason" />
            </label>
          )}
          <button type="submit" className="button button--secondary" data-testid="position-save">
            Record my position
          </button>
        </form>
      )}
    </section>
  )
}
