/**
 * Administrators: the authority's accounts with their kind (administrator, staff, family) and whether
 * they can sign in, disabling and re-enabling them (their open pages close at once), the invitations not
 * yet used with resend and withdraw, a one-time password-reset link for an account whose owner cannot
 * sign in, and inviting someone with a one-time link that expires.
 * @module
 */
import { useEffect, useState, type FormEvent } from 'react'
import * as z from 'zod'
import { fieldErrors } from '../../schemas/api/errors.ts'
import { CreateInvitationInput } from '../../schemas/api/session.ts'
import { AccountsResponse, PasswordResetLinkResponse } from '../../schemas/api/users.ts'
import { api, ApiFailure } from '../api/client.ts'
import { ErrorSummary } from '../components/ErrorSummary/ErrorSummary.tsx'
import { Field } from '../components/Field/Field.tsx'

const KIND_LABELS: Record<AccountsResponse['accounts'][number]['accountRole'], string> = { administrator: 'Administrator', staff: 'Staff', family: 'Family' }

const InvitationCreated = z.object({ link: z.string(), expiresAt: z.string() })

export function UsersPage({ selfId }: { selfId: string }) {
  const [data, setData] = useState<AccountsResponse>({ accounts: [], invitations: [] })
  const [form, setForm] = useState({ name: '', email: '', accountRole: 'staff' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [link, setLink] = useState<z.infer<typeof InvitationCreated> | null>(null)
  const [reset, setReset] = useState<(PasswordResetLinkResponse & { name: string }) | null>(null)

  useEffect(() => {
    reload()
  }, [])

  function reload() {
    api('GET', '/api/users/accounts', AccountsResponse).then(setData, (err: Error) => setMessage(err.message))
  }
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run()
      setMessage(undefined)
    } catch (err) {
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
    }
    reload()
  }

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
      reload()
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setMessage(err instanceof Error ? err.message : undefined)
    }
  }

  return (
    <main className="page page--users" id="main-content">
      <ErrorSummary message={message} fields={errors} />
      <h1 className="page__title">Users</h1>
      <table className="table" data-testid="user-list">
        <caption className="visually-hidden">Accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email address</th>
            <th scope="col">Kind</th>
            <th scope="col">Can sign in</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.accounts.map((u) => (
            <tr key={u.id} data-testid={`account-${u.id}`}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{KIND_LABELS[u.accountRole]}</td>
              <td>{u.disabledAt ? `No: disabled on ${new Date(u.disabledAt).toLocaleDateString('en-GB')}` : 'Yes'}</td>
              <td>
                <div className="table__actions">
                {u.id === selfId ? (
                  <span className="field__hint">This is you</span>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${u.disabledAt ? 'Re-enable' : 'Disable'} ${u.name}`}
                    onClick={() => void act(() => api('PATCH', `/api/users/${u.id}`, AccountsResponse, { disabled: !u.disabledAt }))}
                  >
                    {u.disabledAt ? 'Re-enable' : 'Disable'}
                  </button>
                )}
                {!u.disabledAt && u.id !== selfId && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Make a password reset link for ${u.name}`}
                    onClick={() => void act(async () => setReset({ ...(await api('POST', `/api/users/${u.id}/password-reset`, PasswordResetLinkResponse)), name: u.name }))}
                  >
                    Reset password
                  </button>
                )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reset && (
        <div className="notice" role="status" data-testid="password-reset">
          <p>
            Password reset link for {reset.name}. It works once, until {new Date(reset.expiresAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}. Give it to them in person or by a
            secure route: whoever has it can choose the account’s password. Using it signs the account out everywhere else.
          </p>
          <p>
            <code data-testid="password-reset-link">{reset.link}</code>
          </p>
        </div>
      )}
      <p className="field__hint">
        Disabling an account signs it out everywhere at once and closes any page it has open. Its name stays on the cases and records it is part of. A password reset link
        replaces any earlier one for the same account.
      </p>
      <h2>Invitations not yet used</h2>
      {data.invitations.length === 0 ? (
        <p>None.</p>
      ) : (
        <table className="table" data-testid="invitation-list">
          <caption className="visually-hidden">Invitations not yet used</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email address</th>
              <th scope="col">Kind</th>
              <th scope="col">Link</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.email}</td>
                <td>{KIND_LABELS[i.accountRole]}</td>
                <td>{i.expired ? 'Expired' : `Works until ${new Date(i.expiresAt).toLocaleDateString('en-GB')}`}</td>
                <td>
                  <button type="button" className="link-button" aria-label={`Send a new link to ${i.name}`} onClick={() => void act(async () => setLink(await api('POST', `/api/invitations/pending/${i.id}/resend`, InvitationCreated)))}>
                    Send a new link
                  </button>{' '}
                  <button type="button" className="link-button" aria-label={`Withdraw the invitation to ${i.name}`} onClick={() => void act(() => api('DELETE', `/api/invitations/pending/${i.id}`, null))}>
                    Withdraw
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
