/**
 * GOV.UK-style form fields: a label, an optional hint, the inline error and the control, with the id
 * the error summary links to (`field-<name>`, dots as dashes).
 * @module
 */
import type { ReactNode } from 'react'
import { FieldError } from '../ErrorSummary/ErrorSummary.tsx'

/** The id of a field's control, as the error summary links to it. */
export function fieldId(name: string, prefix = 'field-'): string {
  return `${prefix}${name.replace(/\./g, '-')}`
}

interface FieldProps {
  name: string
  /** Where a page has several forms: the prefix of this form's ids (as given to its ErrorSummary). */
  idPrefix?: string
  label: string
  hint?: ReactNode
  error?: string
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode
}

/** The frame around any control. */
export function Field({ name, idPrefix, label, hint, error, children }: FieldProps) {
  const id = fieldId(name, idPrefix)
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div id={`${id}-error`}>
        <FieldError text={error} />
      </div>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  )
}

type Common = { name: string; idPrefix?: string; label: string; hint?: ReactNode; error?: string; value: string; onChange: (value: string) => void }

export function TextField({ type = 'text', autoComplete, ...p }: Common & { type?: 'text' | 'email' | 'tel' | 'date' | 'time' | 'url'; autoComplete?: string }) {
  return (
    <Field {...p}>
      {(a) => <input className="field__input" type={type} autoComplete={autoComplete} value={p.value} onChange={(e) => p.onChange(e.target.value)} {...a} />}
    </Field>
  )
}

export function TextAreaField(p: Common) {
  return (
    <Field {...p}>
      {(a) => <textarea className="field__input" rows={3} value={p.value} onChange={(e) => p.onChange(e.target.value)} {...a} />}
    </Field>
  )
}

export function SelectField({ options, ...p }: Common & { options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <Field {...p}>
      {(a) => (
        <select className="field__input" value={p.value} onChange={(e) => p.onChange(e.target.value)} {...a}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
