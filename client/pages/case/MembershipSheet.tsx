/**
 * Seed 004's "Core group membership and contact details" sheet, with each member's role and the dates
 * they joined and left; the case's managers opt members out here (members are never deleted), and
 * hand the case from its lead social worker to another social worker.
 * @module
 */
import { useState, type FormEvent } from 'react'
import { MemberListResponse, MemberResponse } from '../../../schemas/api/cases.ts'
import { isActiveMember, UpdateMemberInput, type Member } from '../../../schemas/entities/member.ts'
import { fieldErrors } from '../../../schemas/api/errors.ts'
import { CORE_GROUP_ROLE_LABELS, PROFESSIONAL_ROLES } from '../../../schemas/roles.ts'
import { MEMBERSHIP_SHEET_COLUMNS } from '../../../schemas/templates/contribution-format.ts'
import { ukDateOf } from '../../../schemas/timescales/iso-date.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { DateField, SelectField } from '../../components/Field/Field.tsx'
import { longDate } from '../../dates.ts'

const title = (key: (typeof MEMBERSHIP_SHEET_COLUMNS)[number]['key']) => MEMBERSHIP_SHEET_COLUMNS.find((c) => c.key === key)!.title

function OptOut({ caseId, member, onDone }: { caseId: string; member: Member; onDone: () => void }) {
  const [open, setOpen] = useState(false)
  const [date, setDate] = useState(ukDateOf())
  const [error, setError] = useState<string>()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = UpdateMemberInput.safeParse({ optedOutDate: date })
    if (!parsed.success) return setError(fieldErrors(parsed.error).optedOutDate)
    try {
      await api('PATCH', `/api/cases/${caseId}/members/${member.id}`, MemberResponse, parsed.data)
      onDone()
    } catch (err) {
      setError(err instanceof ApiFailure ? (err.fields.optedOutDate ?? err.message) : 'Something went wrong')
    }
  }
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Opt out<span className="visually-hidden"> {member.name}</span>
      </button>
    )
  }
  const id = `opt-out-${member.id}`
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <DateField name={id} idPrefix="" label={`Date ${member.name} left the core group`} value={date} onChange={setDate} error={error} />
      <button className="button button--secondary" type="submit">
        Confirm opt out<span className="visually-hidden"> of {member.name}</span>
      </button>
    </form>
  )
}

/**
 * The lead social worker is never opted out: the case is handed to another social worker of the group,
 * who becomes the lead (the former lead stays as a professional, or leaves today).
 */
function HandOver({ caseId, lead, members, onDone }: { caseId: string; lead: Member; members: readonly Member[]; onDone: () => void }) {
  const [open, setOpen] = useState(false)
  const today = ukDateOf()
  const candidates = members.filter((m) => m.id !== lead.id && isActiveMember(m, today) && PROFESSIONAL_ROLES.has(m.role) && m.userId !== null)
  const [to, setTo] = useState(candidates.find((m) => m.role === 'deputy-lead')?.id ?? candidates[0]?.id ?? '')
  const [leaves, setLeaves] = useState(false)
  const [error, setError] = useState<string>()
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Hand over the case<span className="visually-hidden"> from {lead.name}</span>
      </button>
    )
  }
  if (candidates.length === 0) return <p className="hint">Add the social worker taking the case to the core group first.</p>
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await api('POST', `/api/cases/${caseId}/hand-over`, MemberListResponse, { toMemberId: to, formerLeadLeaves: leaves })
      onDone()
    } catch (err) {
      setError(err instanceof ApiFailure ? (err.fields.toMemberId ?? err.message) : 'Something went wrong')
    }
  }
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <SelectField name={`hand-over-${lead.id}`} idPrefix="" label="Social worker taking the case" value={to} onChange={setTo} error={error} options={candidates.map((m) => ({ value: m.id, label: `${m.name} (${CORE_GROUP_ROLE_LABELS[m.role].toLowerCase()})` }))} />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={leaves} onChange={(e) => setLeaves(e.target.checked)} /> {lead.name} leaves the core group today
        </label>
      </div>
      <button className="button button--secondary" type="submit">
        Hand over the case
      </button>
    </form>
  )
}

export function MembershipSheet({ caseId, members, canManage, onChanged }: { caseId: string; members: readonly Member[]; canManage: boolean; onChanged: () => void }) {
  const today = ukDateOf()
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Core group membership and contact details">
      <table className="table" data-testid="membership-sheet">
        <caption className="visually-hidden">Core group membership and contact details</caption>
        <thead>
          <tr>
            <th scope="col">{title('name')}</th>
            <th scope="col">{title('agency')}</th>
            <th scope="col">{title('contact')}</th>
            <th scope="col">{title('sharingSecurely')}</th>
            <th scope="col">In the core group</th>
            {canManage && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const active = isActiveMember(m, today)
            return (
              <tr key={m.id} data-member-id={m.id} className={active ? undefined : 'table__row--left'}>
                <td>
                  <strong>{m.name}</strong>
                  <br />
                  {CORE_GROUP_ROLE_LABELS[m.role]}
                </td>
                <td>{m.agency ?? '—'}</td>
                <td>
                  {[m.contact.address, m.contact.phone, m.contact.email].filter(Boolean).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                  {!m.contact.address && !m.contact.phone && !m.contact.email && '—'}
                </td>
                <td>{m.sharingSecurely}</td>
                <td>
                  From {longDate(m.optedInDate)}
                  {m.optedOutDate && (
                    <>
                      <br />
                      <strong>{m.optedOutDate <= today ? 'Left' : 'Leaves'} {longDate(m.optedOutDate)}</strong>
                    </>
                  )}
                </td>
                {canManage && (
                  <td>
                    {m.optedOutDate === null && active && m.role === 'lead-social-worker' ? (
                      <HandOver caseId={caseId} lead={m} members={members} onDone={onChanged} />
                    ) : (
                      m.optedOutDate === null && <OptOut caseId={caseId} member={m} onDone={onChanged} />
                    )}
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
