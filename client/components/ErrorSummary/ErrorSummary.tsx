/**
 * GOV.UK-style error summary: at the top of a form, focused when it appears, each error linking to
 * its field (`#field-<name>`).
 * @module
 */
import { useEffect, useRef } from 'react'

/** `idPrefix` tells a form apart from another on the same page (its fields' ids start with it). */
export function ErrorSummary({ message, fields, idPrefix = 'field-' }: { message?: string; fields: Record<string, string>; idPrefix?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const entries = Object.entries(fields)
  useEffect(() => {
    if (message || entries.length > 0) ref.current?.focus()
  }, [message, entries.length])
  if (!message && entries.length === 0) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2 className="error-summary__title">There is a problem</h2>
      {message && entries.length === 0 && <p>{message}</p>}
      <ul className="error-summary__list">
        {entries.map(([field, text]) => (
          <li key={field}>
            <a href={`#${idPrefix}${field.replace(/\./g, '-')}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A form field's inline error, shown under its label. */
export function FieldError({ text }: { text?: string }) {
  if (!text) return null
  return (
    <p className="field__error">
      <span className="visually-hidden">Error:</span> {text}
    </p>
  )
}
