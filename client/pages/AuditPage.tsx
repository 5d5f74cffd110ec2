/**
 * A case's audit trail in words: when, who, what and where (names, documents and sections by title,
 * made by the server from the stored ids), filtered by person, kind and UK date, and downloadable as
 * CSV with the same filters for a subject access request. For the lead social worker and the team
 * manager; the server refuses everyone else.
 * @module
 */
import { useEffect, useState, type FormEvent } from 'react'
import { AuditTrailResponse, auditQueryString } from '../../schemas/api/audit.ts'
import { ApiFailure, api } from '../api/client.ts'
import { ErrorSummary } from '../components/ErrorSummary/ErrorSummary.tsx'
import { DateField, SelectField } from '../components/Field/Field.tsx'

interface Filters {
  person: string
  kind: string
  from: string
  to: string
}

const NO_FILTERS: Filters = { person: '', kind: '', from: '', to: '' }

export function AuditPage({ caseId }: { caseId: string }) {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS)
  const [applied, setApplied] = useState<Filters>(NO_FILTERS)
  const [trail, setTrail] = useState<AuditTrailResponse | null>(null)
  const [problem, setProblem] = useState<string>()
  const [fields, setFields] = useState<Record<string, string>>({})
  const base = `/api/cases/${encodeURIComponent(caseId)}`
  const query = auditQueryString(applied)

  useEffect(() => {
    let live = true
    api('GET', `${base}/audit${query}`, AuditTrailResponse).then(
      (r) => {
        if (!live) return
        setTrail(r)
        setProblem(undefined)
        setFields({})
      },
      (err: Error) => {
        if (!live) return
        setProblem(err.message)
        setFields(err instanceof ApiFailure ? err.fields : {})
      },
    )
    return () => {
      live = false
    }
  }, [base, query])

  const apply = (e: FormEvent) => {
    e.preventDefault()
    setApplied(draft)
  }
  const clear = () => {
    setDraft(NO_FILTERS)
    setApplied(NO_FILTERS)
  }
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value })
  const filtered = Object.values(applied).some(Boolean)

  return (
    <main className="page" id="main-content">
      <p className="page__caption">
        <a href={`/cases/${caseId}`}>Back to the case</a>
      </p>
      <h1 className="page__title">Audit trail</h1>
      <p>Who did what, and where, in this case. It never shows what was written.</p>
      {Object.keys(fields).length > 0 ? <ErrorSummary message={problem} fields={fields} /> : problem && <p className="notice notice--warning">{problem}</p>}
      <form className="audit-filters" onSubmit={apply} noValidate aria-label="Filter the audit trail">
        <SelectField
          name="person"
          label="Person"
          error={fields.person}
          value={draft.person}
          onChange={set('person')}
          options={[{ value: '', label: 'Everyone' }, ...(trail?.people ?? []).map((p) => ({ value: p.userId, label: p.name }))]}
        />
        <SelectField
          name="kind"
          label="Kind of event"
          error={fields.kind ?? fields['kind.0']}
          value={draft.kind}
          onChange={set('kind')}
          options={[{ value: '', label: 'Every kind' }, ...(trail?.kinds ?? []).map((k) => ({ value: k.event, label: k.label }))]}
        />
        <DateField name="from" label="From" hint="The first day to include" error={fields.from} value={draft.from} onChange={set('from')} />
        <DateField name="to" label="To" hint="The last day to include" error={fields.to} value={draft.to} onChange={set('to')} />
        <div className="audit-filters__actions">
          <button className="button" type="submit">
            Apply filters
          </button>
          {filtered && (
            <button className="button button--secondary" type="button" onClick={clear}>
              Clear filters
            </button>
          )}
        </div>
      </form>
      <p>
        <a href={`${base}/audit.csv${query}`} download data-testid="audit-csv">
          Download as CSV{filtered ? ' (with these filters)' : ''}
        </a>
      </p>
      {trail && trail.events.length === 0 && (
        <p className="notice" role="status" data-testid="audit-empty">
          {filtered ? 'Nothing in the audit trail matches these filters.' : 'Nothing has been recorded in the audit trail for this case yet.'}
        </p>
      )}
      {trail && trail.events.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="audit-table">
            <caption className="visually-hidden">Audit trail, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UK time)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Where</th>
              </tr>
            </thead>
            <tbody>
              {trail.events.map((e) => (
                <tr key={e.seq} data-event={e.event}>
                  <td>{e.when}</td>
                  <td>{e.who}</td>
                  <td>{e.what}</td>
                  <td>{e.where}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  )
}
