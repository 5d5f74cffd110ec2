/**
 * Administrators: the authority's settings. Every timescale rule with its number and unit, each of
 * which can be switched off (no due date, no warning; not the same as 0, which is due the same day);
 * the named variants as starting points, with the seeds they come from; the nation (its bank holidays)
 * and the authority's own closure days; the agenda variant. A warning says when the bank holidays in
 * use run past the years that have been published. Nothing is saved until "Save settings".
 * @module
 */
import { useState, type FormEvent } from 'react'
import { SettingsResponse } from '../../schemas/api/settings.ts'
import { NATION_LABELS, type Nation } from '../../schemas/entities/authority.ts'
import { bankHolidayCoverageWarning, bankHolidaysOf, PUBLISHED_BANK_HOLIDAYS_UNTIL } from '../../schemas/timescales/bank-holidays.ts'
import { isIsoDate, ukDateOf } from '../../schemas/timescales/iso-date.ts'
import {
  DEFAULT_RULES,
  describeDuration,
  TIMESCALE_RULE_LABELS,
  type Duration,
  type TimescaleRuleName,
  type TimescaleSettings,
  type TimescaleUnit,
} from '../../schemas/timescales/settings.ts'
import { api, ApiFailure } from '../api/client.ts'
import { useApi } from '../api/use-api.ts'
import { ErrorSummary } from '../components/ErrorSummary/ErrorSummary.tsx'
import { DateField, DurationField, SelectField } from '../components/Field/Field.tsx'
import { LoadFailed } from '../components/LoadFailed.tsx'
import { longDate } from '../dates.ts'

const RULES = Object.keys(DEFAULT_RULES) as TimescaleRuleName[]
type Typed = { value: string; unit: TimescaleUnit }
type Form = {
  nation: Nation
  agendaVariant: string
  rules: Record<TimescaleRuleName, Typed>
  switchedOff: Set<TimescaleRuleName>
  dueSoonWindow: Typed
  nonWorkingDueDate: TimescaleSettings['nonWorkingDueDate']
  closureDays: string[]
}

const typed = (d: Duration): Typed => ({ value: String(d.value), unit: d.unit })
const duration = (t: Typed) => ({ value: t.value === '' ? Number.NaN : Number(t.value), unit: t.unit })

function formOf(r: SettingsResponse): Form {
  const s = r.settings
  return {
    nation: r.authority.nation,
    agendaVariant: r.authority.agendaVariant,
    rules: Object.fromEntries(RULES.map((name) => [name, typed(s[name])])) as Form['rules'],
    switchedOff: new Set(s.switchedOff),
    dueSoonWindow: typed(s.dueSoonWindow),
    nonWorkingDueDate: s.nonWorkingDueDate,
    closureDays: [...s.closureDays].sort(),
  }
}

export function SettingsPage({ isAdministrator }: { isAdministrator: boolean }) {
  const [loaded, , replace] = useApi('/api/settings', SettingsResponse)
  if (!isAdministrator) {
    return (
      <main className="page page--narrow" id="main-content">
        <h1 className="page__title">Only an administrator can change the settings</h1>
        <p>The authority’s timescales, closure days and agendas are set by its administrators. Ask one of them if a due date looks wrong.</p>
        <p>
          <a href="/">Go to your cases</a>
        </p>
      </main>
    )
  }
  if (loaded.status === 'loading') return <main className="page" id="main-content" aria-busy="true" />
  if (loaded.status === 'failed') return <LoadFailed error={loaded.error} what="Settings" />
  return <SettingsForm data={loaded.data} onSaved={replace} />
}

function SettingsForm({ data, onSaved }: { data: SettingsResponse; onSaved: (r: SettingsResponse) => void }) {
  const [form, setForm] = useState(() => formOf(data))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()
  const [saved, setSaved] = useState(false)
  const [closureDay, setClosureDay] = useState('')
  const [startedFrom, setStartedFrom] = useState<string>()
  const today = ukDateOf()
  const year = Number(today.slice(0, 4))
  // Due dates reach about a year ahead (reviews every 6 months, joint reports before them).
  const coverage = bankHolidayCoverageWarning(year, year + 1)
  const region = form.nation === 'scotland' ? 'scotland' : 'england-and-wales'
  const prefix = 'settings-'
  const change = (next: Partial<Form>) => {
    setForm({ ...form, ...next })
    setSaved(false)
  }

  const startFrom = (id: string) => {
    const variant = data.timescaleVariants.find((v) => v.id === id)
    if (!variant) return
    const rules = { ...form.rules }
    for (const name of RULES) rules[name] = typed((variant.overrides[name] as Duration | undefined) ?? DEFAULT_RULES[name])
    change({ rules, switchedOff: new Set() })
    setStartedFrom(variant.name)
  }

  const addClosureDay = () => {
    if (!isIsoDate(closureDay)) {
      setErrors({ closureDay: 'Enter a real date for the closure day, for example 24 12 2026' })
      return
    }
    if (!form.closureDays.includes(closureDay)) change({ closureDays: [...form.closureDays, closureDay].sort() })
    setClosureDay('')
    setErrors({})
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const settings = {
      ...Object.fromEntries(RULES.map((name) => [name, duration(form.rules[name])])),
      switchedOff: [...form.switchedOff],
      dueSoonWindow: duration(form.dueSoonWindow),
      nonWorkingDueDate: form.nonWorkingDueDate,
      closureDays: form.closureDays,
    }
    try {
      const r = await api('PATCH', '/api/settings', SettingsResponse, { nation: form.nation, agendaVariant: form.agendaVariant, settings })
      setErrors({})
      setMessage(undefined)
      setSaved(true)
      onSaved(r)
    } catch (err) {
      const fields = err instanceof ApiFailure ? err.fields : {}
      // A rule's number and unit are one question: its error shows on the number.
      const shown: Record<string, string> = {}
      for (const [key, text] of Object.entries(fields)) shown[key.replace(/^settings\./, '').replace(/\.(value|unit)$/, '')] = text
      setErrors(shown)
      setMessage(err instanceof Error ? err.message : 'Something went wrong')
    }
  }

  const durationField = (name: TimescaleRuleName | 'dueSoonWindow', legend: string, value: Typed, set: (t: Typed) => void, off = false) => (
    <DurationField
      name={name}
      idPrefix={prefix}
      legend={legend}
      value={value.value}
      unit={value.unit}
      disabled={off}
      error={errors[name]}
      onChange={(v, unit) => set({ value: v, unit })}
    />
  )

  return (
    <main className="page page--narrow settings" id="main-content">
      <ErrorSummary message={message} fields={errors} idPrefix={prefix} />
      {saved && (
        <div className="notice" role="status">
          <p>Settings saved. Every case’s due dates now follow them.</p>
        </div>
      )}
      <h1 className="page__title">Settings for {data.authority.name}</h1>
      <p>These settings decide every due date and warning in coregroup, for every case of the authority.</p>
      {coverage && (
        <div className="notice notice--warning" role="note" data-testid="bank-holiday-coverage">
          <strong>{coverage}</strong>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-label="Authority settings">
        <h2 className="section-title">Where the authority is</h2>
        <SelectField
          name="nation"
          idPrefix={prefix}
          label="Nation"
          hint="Decides the bank holidays. Wales uses England’s. Northern Ireland is not supported: its child protection procedures and bank holidays are its own."
          value={form.nation}
          onChange={(v) => change({ nation: v as Nation })}
          error={errors.nation}
          options={(Object.keys(NATION_LABELS) as Nation[]).map((n) => ({ value: n, label: NATION_LABELS[n] }))}
        />
        <details>
          <summary>Bank holidays used in {year} and {year + 1}</summary>
          <ul data-testid="bank-holiday-list">
            {[year, year + 1].flatMap((y) => bankHolidaysOf(region, y)).map((d) => (
              <li key={d.date}>
                {longDate(d.date)}: {d.name}
              </li>
            ))}
          </ul>
          <p className="field__hint">Published bank holidays are checked up to the end of {PUBLISHED_BANK_HOLIDAYS_UNTIL}.</p>
        </details>

        <h3>The authority’s own closure days</h3>
        <p className="field__hint">Days the authority is closed (for example between Christmas and New Year). They are not working days.</p>
        {form.closureDays.length === 0 ? (
          <p>No closure days.</p>
        ) : (
          <ul className="closure-days" data-testid="closure-days">
            {form.closureDays.map((day) => (
              <li key={day}>
                {longDate(day)}{' '}
                <button type="button" className="link-button" aria-label={`Remove ${longDate(day)}`} onClick={() => change({ closureDays: form.closureDays.filter((d) => d !== day) })}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <DateField name="closureDay" idPrefix={prefix} label="Add a closure day" value={closureDay} onChange={setClosureDay} error={errors.closureDay} />
        <button type="button" className="button button--secondary" onClick={addClosureDay}>
          Add closure day
        </button>

        <h2 className="section-title">Timescales</h2>
        <p>Start from the values a procedure gives, then change any rule. Nothing changes until you save.</p>
        <ul className="variants" data-testid="timescale-variants">
          {data.timescaleVariants.map((v) => (
            <li key={v.id}>
              <strong>{v.name}</strong>
              <div className="field__hint">From {v.sources.map((s) => `seed ${s.slice(0, 3)}`).join(', ')}</div>
              <button type="button" className="button button--secondary" aria-label={`Start from these values: ${v.name}`} onClick={() => startFrom(v.id)}>
                Start from these values
              </button>
            </li>
          ))}
        </ul>
        {startedFrom && (
          <p role="status" className="notice">
            The rules below now hold the values of “{startedFrom}”. Save to use them.
          </p>
        )}
        {RULES.map((name) => {
          const off = form.switchedOff.has(name)
          return (
            <div className={`rule${off ? ' rule--off' : ''}`} key={name} data-testid={`rule-${name}`}>
              {durationField(name, TIMESCALE_RULE_LABELS[name], form.rules[name], (t) => change({ rules: { ...form.rules, [name]: t } }), off)}
              <label className="checkbox">
                <input
                  type="checkbox"
                  aria-label={`Switch this rule off: ${TIMESCALE_RULE_LABELS[name]}`}
                  checked={off}
                  onChange={(e) => {
                    const next = new Set(form.switchedOff)
                    if (e.target.checked) next.add(name)
                    else next.delete(name)
                    change({ switchedOff: next })
                  }}
                />
                Switch this rule off
              </label>
              <p className="field__hint">
                {off
                  ? 'Switched off: no due date and no warning for this rule. Meetings are still proposed at this spacing.'
                  : `Seeds’ default: ${describeDuration(DEFAULT_RULES[name])}.`}
              </p>
            </div>
          )
        })}

        <h2 className="section-title">Warnings</h2>
        {durationField('dueSoonWindow', 'Show an item as due soon this long before its due date', form.dueSoonWindow, (t) => change({ dueSoonWindow: t }))}
        <SelectField
          name="nonWorkingDueDate"
          idPrefix={prefix}
          label="A due date counted in days, weeks or months that falls on a weekend, bank holiday or closure day moves to"
          value={form.nonWorkingDueDate}
          onChange={(v) => change({ nonWorkingDueDate: v as Form['nonWorkingDueDate'] })}
          error={errors.nonWorkingDueDate}
          options={[
            { value: 'previous-working-day', label: 'the working day before (stricter)' },
            { value: 'next-working-day', label: 'the next working day' },
          ]}
        />

        <h2 className="section-title">Meeting agendas</h2>
        <SelectField
          name="agendaVariant"
          idPrefix={prefix}
          label="Agenda used for new meetings"
          value={form.agendaVariant}
          onChange={(v) => change({ agendaVariant: v })}
          error={errors.agendaVariant}
          options={data.agendaVariants.map((v) => ({ value: v.id, label: `${v.name} (seed ${v.sourceSeed.slice(0, 3)})` }))}
        />
        <button className="button" type="submit">
          Save settings
        </button>
      </form>
    </main>
  )
}
