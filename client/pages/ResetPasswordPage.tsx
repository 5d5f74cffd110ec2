/**
 * A password-reset link an administrator made (`/reset/:token`): the account's owner chooses a new
 * password, which signs them in and signs the account out everywhere else. The link works once.
 * @module
 */
import { useEffect, useState, type FormEvent } from 'react'
import { fieldErrors } from '../../schemas/api/errors.ts'
import { PasswordResetView, ResetPasswordInput, SessionResponse } from '../../schemas/api/session.ts'
import { api, ApiFailure } from '../api/client.ts'
import { ErrorSummary, FieldError } from '../components/ErrorSummary/ErrorSummary.tsx'
import { finishPendingSignOut, signedIn } from '../session.ts'

export function ResetPasswordPage({ token }: { token: string }) {
  const [reset, setReset] = useState<PasswordResetView | null>(null)
  const [problem, setProblem] = useState<string>()
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})

  useEffect(() => {
    api('GET', `/api/password-resets/${encodeURIComponent(token)}`, PasswordResetView).then(setReset, (err: Error) => setProblem(err.message))
  }, [token])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = ResetPasswordInput.safeParse({ password })
    if (!parsed.success) return setErrors(fieldErrors(parsed.error))
    try {
      // A previous user's offline sign-out must reach the server before this account signs in.
      await finishPendingSignOut()
      const session = await api('POST', `/api/password-resets/${encodeURIComponent(token)}`, SessionResponse, parsed.data)
      history.replaceState(null, '', '/')
      signedIn(session)
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setProblem(err instanceof Error ? err.message : undefined)
    }
  }

  if (problem && !reset) {
    return (
      <main className="page page--narrow" id="main-content">
        <h1 className="page__title">This link cannot be used</h1>
        <p>{problem}. A password reset link works once and for 24 hours: ask your administrator for a new one.</p>
      </main>
    )
  }
  return (
    <main className="page page--narrow" id="main-content">
      <ErrorSummary message={problem} fields={errors} />
      <h1 className="page__title">Choose a new password</h1>
      {reset && (
        <p>
          This is for the account of {reset.name} ({reset.email}). When you save the new password you are signed in, and the account is signed out on every other device.
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <div className={`field${errors.password ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor="field-password">New password</label>
          <p className="field__hint">At least 12 characters. A few unrelated words is a good password.</p>
          <FieldError text={errors.password} />
          <input className="field__input" id="field-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button className="button" type="submit" disabled={!reset}>
          Save the new password
        </button>
      </form>
    </main>
  )
}
