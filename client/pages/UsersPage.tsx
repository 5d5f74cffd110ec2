/**
 * Administrators: the authority's accounts, and inviting someone with a one-time link that expires.
 * @module
 */
import { useEffect, useState, type FormEvent } from 'react'
import { z } from 'zod'
import { fieldErrors } from '../../schemas/api/errors.ts'
import { CreateInvitationInput } from '../../schemas/api/session.ts'
import { UserListResponse } from '../../schemas/api/users.ts'
import { api, ApiFailure } from '../api/client.ts'
import { ErrorSummary } from '../components/ErrorSummary/ErrorSummary.tsx'
import { Field } from '../components/Field/Field.tsx'

const InvitationCreated = z.object({ link: z.string(), expiresAt: z.string() })

export function UsersPage() {
  const [users, setUsers] = useState<UserListResponse['users']>([])
  const [form, setForm] = useState({ name: '', email: '', accountRole: 'staff' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [link, setLink] = useState<z.infer<typeof InvitationCreated> | null>(null)

  useEffect(() => {
    api('GET', '/api/users', UserListResponse).then((r) => setUsers(r.users), (err: Error) => setMessage(err.message))
  }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setLink(null)
    const parsed = CreateInvitationInput.safeParse(form)
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      return
    }
    try {
      setLink(await api('POST', '/api/invitations', InvitationCreated, parsed.data))
      setErrors({})
      setMessage(undefined)
      setForm({ name: '', email: '', accountRole: 'staff' })
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setMessage(err instanceof Error ? err.message : undefined)
    }
  }

  return (
    <main className="page page--narrow" id="main-content">
      <ErrorSummary message={message} fields={errors} />
      <h1 className="page__title">Users</h1>
      <ul data-testid="user-list">
        {users.map((u) => (
          <li key={u.id}>
            {u.name} ({u.email})
          </li>
        ))}
      </ul>
      <h2>Invite someone</h2>
      <p>They get a link that works once and expires after 7 days. Send it to them securely.</p>
      {link && (
        <div className="notice" role="status">
          <p>
            Invitation link (expires {new Date(link.expiresAt).toLocaleDateString('en-GB')}):
          </p>
          <p>
            <code data-testid="invitation-link">{link.link}</code>
          </p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <Field name="name" label="Full name" error={errors.name}>
          {(p) => <input className="field__input" {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </Field>
        <Field name="email" label="Email address" error={errors.email}>
          {(p) => <input className="field__input" type="email" {...p} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
        </Field>
        <Field name="accountRole" label="Account type" hint="Staff work on cases; family accounts are for parents, carers and young people." error={errors.accountRole}>
          {(p) => (
            <select className="field__input" {...p} value={form.accountRole} onChange={(e) => setForm({ ...form, accountRole: e.target.value })}>
              <option value="staff">Staff</option>
              <option value="family">Family</option>
              <option value="administrator">Administrator</option>
            </select>
          )}
        </Field>
        <button className="button" type="submit">
          Create invitation link
        </button>
      </form>
    </main>
  )
}
