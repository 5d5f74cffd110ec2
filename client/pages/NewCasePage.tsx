/**
 * Start a case: the family, the children, the initial conference, and the creator's own row of the
 * membership sheet (they become the lead social worker). Errors come from the same schema as the API.
 * @module
 */
import { useState, type FormEvent } from 'react'
import { CaseDetailResponse, CreateCaseRequest, DEFAULT_LEAD_AGENCY, DEFAULT_LEAD_SHARING_SECURELY } from '../../schemas/api/cases.ts'
import { fieldErrors } from '../../schemas/api/errors.ts'
import { api, ApiFailure } from '../api/client.ts'
import { ErrorSummary } from '../components/ErrorSummary/ErrorSummary.tsx'
import { DateField, TextAreaField, TextField } from '../components/Field/Field.tsx'

type ChildDraft = { name: string; dateOfBirth: string }

export function NewCasePage() {
  const [familyName, setFamilyName] = useState('')
  const [initialConferenceDate, setInitialConferenceDate] = useState('')
  const [children, setChildren] = useState<ChildDraft[]>([{ name: '', dateOfBirth: '' }])
  const [agency, setAgency] = useState(DEFAULT_LEAD_AGENCY)
  const [sharingSecurely, setSharingSecurely] = useState(DEFAULT_LEAD_SHARING_SECURELY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)

  const setChild = (i: number, change: Partial<ChildDraft>) => setChildren((cs) => cs.map((c, j) => (j === i ? { ...c, ...change } : c)))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = CreateCaseRequest.safeParse({ familyName, initialConferenceDate, children, agency, sharingSecurely })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      setMessage(undefined)
      return
    }
    setBusy(true)
    try {
      const created = await api('POST', '/api/cases', CaseDetailResponse, parsed.data)
      location.assign(`/cases/${created.case.id}`)
    } catch (err) {
      setErrors(err instanceof ApiFailure ? err.fields : {})
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
      setBusy(false)
    }
  }

  return (
    <main className="page page--narrow" id="main-content">
      <ErrorSummary message={message} fields={errors} />
      <p className="page__caption">
        <a href="/">My cases</a>
      </p>
      <h1 className="page__title">Start a case</h1>
      <form onSubmit={submit} noValidate>
        <TextField name="familyName" label="Family name" value={familyName} onChange={setFamilyName} error={errors.familyName} />
        <DateField
          name="initialConferenceDate"
          label="Date of the initial child protection conference"
          hint="The first core group is due within 10 working days of it. For example, 27 3 2026."
          value={initialConferenceDate}
          onChange={setInitialConferenceDate}
          error={errors.initialConferenceDate}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Children subject to the plan</legend>
          {errors.children && <p className="field__error" id="field-children">{errors.children}</p>}
          {children.map((child, i) => (
            <div className="fieldset__group" key={i}>
              <TextField name={`children.${i}.name`} label={`Child ${i + 1}: full name`} value={child.name} onChange={(name) => setChild(i, { name })} error={errors[`children.${i}.name`]} />
              <DateField
                name={`children.${i}.dateOfBirth`}
                label={`Child ${i + 1}: date of birth`}
                hint="For example, 14 6 2019"
                value={child.dateOfBirth}
                onChange={(dateOfBirth) => setChild(i, { dateOfBirth })}
                error={errors[`children.${i}.dateOfBirth`]}
              />
              {children.length > 1 && (
                <button type="button" className="link-button" onClick={() => setChildren((cs) => cs.filter((_, j) => j !== i))}>
                  Remove child {i + 1}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="button button--secondary" onClick={() => setChildren((cs) => [...cs, { name: '', dateOfBirth: '' }])}>
            Add another child
          </button>
        </fieldset>
        <h2 className="section-title">You, as the lead social worker</h2>
        <TextField name="agency" label="Your agency" value={agency} onChange={setAgency} error={errors.agency} />
        <TextAreaField
          name="sharingSecurely"
          label="How will information be shared securely?"
          hint="How you will send notes, plans and reports to the core group."
          value={sharingSecurely}
          onChange={setSharingSecurely}
          error={errors.sharingSecurely}
        />
        <button className="button" type="submit" disabled={busy}>
          Start the case
        </button>
      </form>
    </main>
  )
}
