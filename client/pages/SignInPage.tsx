/**
 * Sign in with email and password.
 * @module
 */
import { useEffect, useState, type FormEvent } from 'react'
import * as z from 'zod'
import { SignInInput } from '../../schemas/api/session.ts'
import { fieldErrors } from '../../schemas/api/errors.ts'
import { api, ApiFailure } from '../api/client.ts'
import { ErrorSummary, FieldError } from '../components/ErrorSummary/ErrorSummary.tsx'
import { signIn } from '../session.ts'

export function SignInPage() {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [firstRun, setFirstRun] = useState(false)
  useEffect(() => {
    api('GET', '/api/session/first-run', z.object({ firstRun: z.boolean() })).then((r) => setFirstRun(r.firstRun), () => {})
  }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = SignInInput.safeParse({ email, password })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      setMessage(undefined)
      return
    }
    setBusy(true)
    try {
      await signIn(parsed.data.email, parsed.data.password)
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="page page--narrow" id="main-content">
      <ErrorSummary message={message} fields={errors} />
      <h1 className="page__title">Sign in to coregroup</h1>
      {firstRun && (
        <div className="notice" role="note" data-testid="first-run">
          <p>
            <strong>No one has an account yet.</strong> When coregroup started for the first time it printed a one-time link for the first administrator
            where the server was started (the terminal running <code>npm start</code>, or the server’s log). Open that link to choose your name, email address
            and password.
          </p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <div className={`field${errors.email ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor="field-email">Email address</label>
          <FieldError text={errors.email} />
          <input className="field__input" id="field-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className={`field${errors.password ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor="field-password">Password</label>
          <FieldError text={errors.password} />
          <input className="field__input" id="field-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button className="button" type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  )
}
