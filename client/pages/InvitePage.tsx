/**
 * Accept an invitation: choose a password, which creates the account and signs in. The link works once.
 * @module
 */
import { useEffect, useState, type FormEvent } from 'react'
import * as z from 'zod'
import { AcceptInvitationInput, SessionResponse } from '../../schemas/api/session.ts'
import { fieldErrors } from '../../schemas/api/errors.ts'
import { api, ApiFailure } from '../api/client.ts'
import { ErrorSummary, FieldError } from '../components/ErrorSummary/ErrorSummary.tsx'
import { finishPendingSignOut, signedIn } from '../session.ts'

const Invitation = z.object({ email: z.string(), name: z.string(), accountRole: z.string(), expiresAt: z.string(), choosesOwnDetails: z.boolean().default(false) })

export function InvitePage({ token }: { token: string }) {
  const [invitation, setInvitation] = useState<z.infer<typeof Invitation> | null>(null)
  const [problem, setProblem] = useState<string>()
  const [password, setPassword] = useState('')
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})

  useEffect(() => {
    api('GET', `/api/invitations/${encodeURIComponent(token)}`, Invitation).then(setInvitation, (err: Error) => setProblem(err.message))
  }, [token])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const own = invitation?.choosesOwnDetails === true
    const parsed = AcceptInvitationInput.safeParse(own ? { password, name, email } : { password })
    if (!parsed.success) return setErrors(fieldErrors(parsed.error))
    try {
      // A previous user's offline sign-out must reach the server before this account signs in.
      await finishPendingSignOut()
      const session = await api('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, SessionResponse, parsed.data)
      history.replaceState(null, '', '/')
      signedIn(session)
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setProblem(err instanceof Error ? err.message : undefined)
    }
  }

  if (problem && !invitation) {
    return (
      <main className="page page--narrow" id="main-content">
        <h1 className="page__title">This link cannot be used</h1>
        <p>{problem}. Ask your administrator for a new invitation.</p>
      </main>
    )
  }
  return (
    <main className="page page--narrow" id="main-content">
      <ErrorSummary message={problem} fields={errors} />
      <h1 className="page__title">{invitation?.choosesOwnDetails ? 'Set up the first administrator' : 'Create your account'}</h1>
      {invitation?.accountRole === 'family' && (
        <div className="notice" data-testid="family-welcome">
          <p>
            coregroup is where the people working with your family, and your family, keep the plan to keep your child safe: the notes of each core group
            meeting, the things everyone has agreed to do, and your own views. You will see what is about you and your family, in plain words, and you can
            say what you think before and during each meeting.
          </p>
          <p>Only the members of your family’s core group can see it. Your social worker can explain anything that is not clear.</p>
        </div>
      )}
      {invitation?.choosesOwnDetails ? (
        <p>You are the first person to use this coregroup. Your account will be its administrator: you will invite everyone else.</p>
      ) : (
        invitation && <p>You have been invited as {invitation.name} ({invitation.email}).</p>
      )}
      <form onSubmit={submit} noValidate>
        {invitation?.choosesOwnDetails && (
          <>
            <div className={`field${errors.name ? ' field--error' : ''}`}>
              <label className="field__label" htmlFor="field-name">Your full name</label>
              <FieldError text={errors.name} />
              <input className="field__input" id="field-name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className={`field${errors.email ? ' field--error' : ''}`}>
              <label className="field__label" htmlFor="field-email">Your email address</label>
              <p className="field__hint">You sign in with it.</p>
              <FieldError text={errors.email} />
              <input className="field__input" id="field-email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
          </>
        )}
        <div className={`field${errors.password ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor="field-password">Choose a password</label>
          <p className="field__hint">At least 12 characters. A few unrelated words is a good password.</p>
          <FieldError text={errors.password} />
          <input className="field__input" id="field-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button className="button" type="submit">Create account</button>
      </form>
    </main>
  )
}
