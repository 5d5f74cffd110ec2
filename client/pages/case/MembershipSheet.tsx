/**
 * Seed 004's "Core group membership and contact details" sheet, with each member's role and the dates
 * they joined and left; the case's managers opt members out here (members are never deleted).
 * @module
 */
import { useState, type FormEvent } from 'react'
import { MemberResponse } from '../../../schemas/api/cases.ts'
import { isActiveMember, UpdateMemberInput, type Member } from '../../../schemas/entities/member.ts'
import { fieldErrors } from '../../../schemas/api/errors.ts'
import { CORE_GROUP_ROLE_LABELS } from '../../../schemas/roles.ts'
import { MEMBERSHIP_SHEET_COLUMNS } from '../../../schemas/templates/contribution-format.ts'
import { ukDateOf } from '../../../schemas/timescales/iso-date.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { DateField } from '../../components/Field/Field.tsx'
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
                {canManage && <td>{m.optedOutDate === null && <OptOut caseId={caseId} member={m} onDone={onChanged} />}</td>}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
