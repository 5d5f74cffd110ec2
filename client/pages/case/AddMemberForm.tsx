/**
 * Add a row to the membership and contact sheet, optionally linked to the person's account so they can
 * open the case's documents. Errors come from `CreateMemberInput`, the schema the API uses.
 * @module
 */
import { useEffect, useState, type FormEvent } from 'react'
import { MemberResponse } from '../../../schemas/api/cases.ts'
import { fieldErrors } from '../../../schemas/api/errors.ts'
import { UserListResponse } from '../../../schemas/api/users.ts'
import { CreateMemberInput } from '../../../schemas/entities/member.ts'
import { CORE_GROUP_ROLE_LABELS, CoreGroupRole } from '../../../schemas/roles.ts'
import { ukDateOf } from '../../../schemas/timescales/iso-date.ts'
import { api, ApiFailure } from '../../api/client.ts'
import { ErrorSummary } from '../../components/ErrorSummary/ErrorSummary.tsx'
import { DateField, SelectField, TextAreaField, TextField } from '../../components/Field/Field.tsx'

const blank = () => ({ name: '', agency: '', role: 'professional', address: '', phone: '', email: '', sharingSecurely: '', optedInDate: ukDateOf(), userId: '' })

export function AddMemberForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const [draft, setDraft] = useState(blank)
  const [users, setUsers] = useState<UserListResponse['users']>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [added, setAdded] = useState<string>()
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    api('GET', '/api/users', UserListResponse).then((r) => setUsers(r.users), () => setUsers([]))
  }, [])
  const set = (key: keyof ReturnType<typeof blank>) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setAdded(undefined)
    const parsed = CreateMemberInput.safeParse({
      name: draft.name,
      agency: draft.agency,
      role: draft.role,
      contact: { address: draft.address, phone: draft.phone, email: draft.email },
      sharingSecurely: draft.sharingSecurely,
      optedInDate: draft.optedInDate,
      userId: draft.userId || null,
    })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      setMessage(undefined)
      return
    }
    setBusy(true)
    try {
      const { member } = await api('POST', `/api/cases/${caseId}/members`, MemberResponse, parsed.data)
      setErrors({})
      setMessage(undefined)
      setDraft(blank())
      setAdded(`${member.name} was added to the core group.`)
      onAdded()
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-member-title" data-testid="add-member-form">
      <h2 className="section-title" id="add-member-title">
        Add a member
      </h2>
      <ErrorSummary message={message} fields={errors} />
      {added && (
        <p className="notice" role="status">
          {added}
        </p>
      )}
      <TextField name="name" label="Name" value={draft.name} onChange={set('name')} error={errors.name} />
      <SelectField
        name="role"
        label="Role in the core group"
        value={draft.role}
        onChange={set('role')}
        error={errors.role}
        options={CoreGroupRole.options.map((r) => ({ value: r, label: CORE_GROUP_ROLE_LABELS[r] }))}
      />
      <TextField name="agency" label="Agency" hint="Leave blank for family members." value={draft.agency} onChange={set('agency')} error={errors.agency} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Contact details</legend>
        <TextAreaField name="contact.address" label="Address" value={draft.address} onChange={set('address')} error={errors['contact.address']} />
        <TextField name="contact.phone" label="Telephone number" type="tel" value={draft.phone} onChange={set('phone')} error={errors['contact.phone']} />
        <TextField name="contact.email" label="Email address" type="email" value={draft.email} onChange={set('email')} error={errors['contact.email']} />
      </fieldset>
      <TextAreaField
        name="sharingSecurely"
        label="How will information be shared securely?"
        hint="For example: secure email to the school’s safeguarding inbox, or a paper copy handed over at a home visit."
        value={draft.sharingSecurely}
        onChange={set('sharingSecurely')}
        error={errors.sharingSecurely}
      />
      <DateField name="optedInDate" label="Date they joined the core group" value={draft.optedInDate} onChange={set('optedInDate')} error={errors.optedInDate} />
      <SelectField
        name="userId"
        label="Their coregroup account"
        hint="Link an account so that they can open the meeting notes. Family members may not have one."
        value={draft.userId}
        onChange={set('userId')}
        error={errors.userId}
        options={[{ value: '', label: 'No account' }, ...users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))]}
      />
      <button className="button" type="submit" disabled={busy}>
        Add member
      </button>
    </form>
  )
}
