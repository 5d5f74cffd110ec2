/**
 * GOV.UK-style form fields: a label, an optional hint, the inline error and the control, with the id
 * the error summary links to (`field-<name>`, dots as dashes).
 * @module
 */
import { useEffect, useState, type ReactNode } from 'react'
import type { TimescaleUnit } from '../../../schemas/timescales/settings.ts'
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

/** A date's three parts as typed; `YYYY-MM-DD` when complete (the schema checks it is a real date). */
function partsOf(iso: string): { day: string; month: string; year: string } {
  const m = /^(\d{0,4})-(\d{0,2})-(\d{0,2})$/.exec(iso)
  return m ? { year: m[1]!, month: m[2]!.replace(/^0(?=\d)/, ''), day: m[3]!.replace(/^0(?=\d)/, '') } : { day: '', month: '', year: '' }
}

function isoOf(parts: { day: string; month: string; year: string }): string {
  if (!parts.day && !parts.month && !parts.year) return ''
  const pad = (v: string) => (v.length === 1 ? `0${v}` : v)
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`
}

/** The three boxes as typed, following `value` when it changes from outside (a form reset, a proposal). */
function useDateParts(value: string) {
  const [parts, setParts] = useState(() => partsOf(value))
  useEffect(() => {
    if (isoOf(parts) !== value) setParts(partsOf(value))
  }, [value]) // eslint-disable-line react-hooks/exhaustive-deps -- only an outside change resets what is typed
  return [parts, setParts] as const
}

/**
 * The GOV.UK date input: day, month and year as three boxes under one question, whatever the browser's
 * locale (a browser's own date picker shows mm/dd/yyyy to some). `value` and `onChange` carry
 * `YYYY-MM-DD`. The day's box has the field's id, so the error summary's link lands on it.
 */
export function DateField({ name, idPrefix, label, hint, error, value, onChange }: Common) {
  const id = fieldId(name, idPrefix)
  const [parts, setParts] = useDateParts(value)
  const set = (key: keyof typeof parts) => (v: string) => {
    const next = { ...parts, [key]: v.replace(/\D/g, '') }
    setParts(next)
    onChange(isoOf(next))
  }
  const hintId = `${id}-hint`
  const box = (key: keyof typeof parts, boxLabel: string, boxId: string, width: string, max: number) => (
    <div className="date-input__item">
      <label className="date-input__label" htmlFor={boxId}>
        {boxLabel}
      </label>
      <input
        id={boxId}
        className={`field__input date-input__input date-input__input--${width}`}
        inputMode="numeric"
        maxLength={max}
        value={parts[key]}
        onChange={(e) => set(key)(e.target.value)}
        aria-describedby={[hintId, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
      />
    </div>
  )
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset className="fieldset date-input" role="group" aria-describedby={hintId}>
        <legend className="field__label">{label}</legend>
        <p className="field__hint" id={hintId}>
          {hint ?? 'For example, 27 3 2026'}
        </p>
        <div id={`${id}-error`}>
          <FieldError text={error} />
        </div>
        <div className="date-input__boxes">
          {box('day', 'Day', id, 'day', 2)}
          {box('month', 'Month', `${id}-month`, 'month', 2)}
          {box('year', 'Year', `${id}-year`, 'year', 4)}
        </div>
      </fieldset>
    </div>
  )
}

/** The units a duration can be given in, in words. */
const UNIT_OPTIONS: ReadonlyArray<{ value: TimescaleUnit; label: string }> = [
  { value: 'working-days', label: 'working days' },
  { value: 'calendar-days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
  { value: 'months', label: 'months' },
]

/**
 * A length of time as a number and its unit, under one question (a fieldset: the number's box has the
 * field's id, so the error summary's link lands on it). `value` is the number as typed.
 */
export function DurationField({
  name,
  idPrefix,
  legend,
  hint,
  error,
  value,
  unit,
  disabled,
  onChange,
}: {
  name: string
  idPrefix?: string
  legend: string
  hint?: ReactNode
  error?: string
  value: string
  unit: TimescaleUnit
  disabled?: boolean
  onChange: (value: string, unit: TimescaleUnit) => void
}) {
  const id = fieldId(name, idPrefix)
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className={`field field--duration${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <div id={`${id}-error`}>
        <FieldError text={error} />
      </div>
      <div className="duration">
        <label className="visually-hidden" htmlFor={id}>
          {legend}: number
        </label>
        <input
          className="field__input field__input--number"
          id={id}
          inputMode="numeric"
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value.replace(/\D/g, ''), unit)}
        />
        <label className="visually-hidden" htmlFor={`${id}-unit`}>
          {legend}: unit
        </label>
        <select className="field__input field__input--unit" id={`${id}-unit`} value={unit} disabled={disabled} onChange={(e) => onChange(value, e.target.value as TimescaleUnit)}>
          {UNIT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  )
}
