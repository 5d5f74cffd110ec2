/**
 * The team manager's oversight (issue 15 §7): every case they manage (every case of the authority for an
 * administrator) with what is overdue or due soon across all of them, sortable, and how many cases are
 * over each deadline — drift across a caseload is what the seeds warn against. Read from the dashboard
 * API, which computes the same due items the case page shows. Above them, the decisions in principle
 * waiting for the team manager's sign-off (seed 003).
 * @module
 */
import { useState } from 'react'
import { DashboardResponse, type DashboardCase } from '../../schemas/api/dashboard.ts'
import { MEETING_TYPE_LABELS } from '../../schemas/entities/meeting.ts'
import { TIMESCALE_RULE_LABELS, type TimescaleRuleName } from '../../schemas/timescales/settings.ts'
import { useApi } from '../api/use-api.ts'
import { LoadFailed } from '../components/LoadFailed.tsx'
import { dayAndDate } from '../dates.ts'
import { useSession } from '../session.ts'
import { DecisionsAwaitingSignOff } from './team/DecisionsAwaitingSignOff.tsx'

type SortKey = 'overdue' | 'dueSoon' | 'family' | 'nextMeeting'

const COLUMNS: Array<[SortKey, string]> = [
  ['family', 'Family'],
  ['overdue', 'Overdue'],
  ['dueSoon', 'Due soon'],
  ['nextMeeting', 'Next core group'],
]

function compare(key: SortKey): (a: DashboardCase, b: DashboardCase) => number {
  switch (key) {
    case 'family':
      return (a, b) => a.familyName.localeCompare(b.familyName)
    case 'overdue':
      return (a, b) => b.counts.overdue - a.counts.overdue || b.counts.dueSoon - a.counts.dueSoon || a.familyName.localeCompare(b.familyName)
    case 'dueSoon':
      return (a, b) => b.counts.dueSoon - a.counts.dueSoon || b.counts.overdue - a.counts.overdue || a.familyName.localeCompare(b.familyName)
    case 'nextMeeting':
      return (a, b) => (a.nextMeeting?.date ?? '9999').localeCompare(b.nextMeeting?.date ?? '9999') || a.familyName.localeCompare(b.familyName)
  }
}

/** How many cases are over each deadline, most first. */
function casesOverEachDeadline(cases: readonly DashboardCase[]): Array<[string, number]> {
  const byRule = new Map<string, Set<string>>()
  for (const k of cases) {
    for (const item of k.due) {
      if (item.status !== 'overdue') continue
      const label = item.rule === 'planAction' ? 'Actions of the plan past their date' : TIMESCALE_RULE_LABELS[item.rule as TimescaleRuleName]
      byRule.set(label, (byRule.get(label) ?? new Set()).add(k.id))
    }
  }
  return [...byRule].map(([label, ids]): [string, number] => [label, ids.size]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}

export function TeamPage() {
  const [state] = useApi('/api/dashboard', DashboardResponse)
  const session = useSession()
  const [sort, setSort] = useState<SortKey>('overdue')
  if (state.status === 'failed') return <LoadFailed error={state.error} what="Team" />
  if (state.status === 'loading') return <main className="page" id="main-content" aria-busy="true" />
  const admin = session.status === 'signed-in' && session.session.user.accountRole === 'administrator'
  const cases = state.data.cases.filter((k) => k.status === 'open' && (admin || k.viewerRole === 'team-manager'))
  const sorted = [...cases].sort(compare(sort))
  const over = casesOverEachDeadline(cases)
  return (
    <main className="page" id="main-content">
      <h1 className="page__title">Your team’s cases</h1>
      <p>
        {cases.length === 0
          ? 'You are not the team manager of any open case.'
          : `${cases.length} open ${cases.length === 1 ? 'case' : 'cases'}; ${cases.filter((k) => k.counts.overdue > 0).length} with something overdue.`}
      </p>
      <DecisionsAwaitingSignOff />
      {over.length > 0 && (
        <section aria-labelledby="over-title">
          <h2 className="section-title" id="over-title">
            Cases over each deadline
          </h2>
          <ul data-testid="over-deadlines">
            {over.map(([label, count]) => (
              <li key={label}>
                {label}: <strong>{count} {count === 1 ? 'case' : 'cases'}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      {cases.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Cases">
          <table className="table" data-testid="team-cases">
            <caption className="visually-hidden">Your team’s open cases, sorted by {COLUMNS.find(([k]) => k === sort)![1].toLowerCase()}</caption>
            <thead>
              <tr>
                {COLUMNS.map(([key, label]) => (
                  <th key={key} scope="col" aria-sort={sort === key ? (key === 'family' || key === 'nextMeeting' ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="link-button" onClick={() => setSort(key)}>
                      {label}
                    </button>
                  </th>
                ))}
                <th scope="col">Most pressing</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((k) => (
                <tr key={k.id} data-case-id={k.id}>
                  <td>
                    <a href={`/cases/${k.id}`}>{k.familyName} family</a>
                  </td>
                  <td>{k.counts.overdue > 0 ? <strong className="tag tag--overdue">{k.counts.overdue}</strong> : '0'}</td>
                  <td>{k.counts.dueSoon}</td>
                  <td>{k.nextMeeting ? `${MEETING_TYPE_LABELS[k.nextMeeting.type]}, ${dayAndDate(k.nextMeeting.date)}` : 'None planned'}</td>
                  <td>{k.due[0] ? `${k.due[0].label} (due ${dayAndDate(k.due[0].dueDate)})` : 'Nothing overdue or due soon'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  )
}
