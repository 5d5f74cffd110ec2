/**
 * "My cases": each case the user is in, with what is overdue and what is due soon in words and icons,
 * the next planned core group, and a way to start a case.
 * @module
 */
import { DashboardResponse, type DashboardCase } from '../../schemas/api/dashboard.ts'
import { MEETING_TYPE_LABELS } from '../../schemas/entities/meeting.ts'
import { CORE_GROUP_ROLE_LABELS } from '../../schemas/roles.ts'
import { canStartCase } from '../../schemas/permissions.ts'
import { useApi } from '../api/use-api.ts'
import { useSession } from '../session.ts'
import { DueList } from '../components/DueList/DueList.tsx'
import { LoadFailed } from '../components/LoadFailed.tsx'
import { dayAndDate } from '../dates.ts'

function summary(k: DashboardCase): string {
  const parts = []
  if (k.counts.overdue > 0) parts.push(`${k.counts.overdue} overdue`)
  if (k.counts.dueSoon > 0) parts.push(`${k.counts.dueSoon} due soon`)
  return parts.length ? parts.join(', ') : 'Nothing overdue or due soon'
}

function CaseCard({ k }: { k: DashboardCase }) {
  return (
    <li className="case-card" data-testid="case-card" data-case-id={k.id}>
      <h2 className="case-card__title">
        <a href={`/cases/${k.id}`}>{k.familyName} family</a>
      </h2>
      <p className="case-card__meta">
        {k.viewerRole ? `You are the ${CORE_GROUP_ROLE_LABELS[k.viewerRole].toLowerCase()}` : 'You are an administrator'}
        {k.status === 'plan-ended' ? ' · Plan ended' : ''} · <span data-testid="case-summary">{summary(k)}</span>
      </p>
      <DueList items={k.due} />
      <p className="case-card__next">
        {k.nextMeeting ? (
          <>
            Next: <a href={`/meetings/${k.nextMeeting.id}`}>{MEETING_TYPE_LABELS[k.nextMeeting.type]}</a> on {dayAndDate(k.nextMeeting.date)}
          </>
        ) : (
          'No core group is planned.'
        )}
      </p>
    </li>
  )
}

export function MyCasesPage() {
  const [state] = useApi('/api/dashboard', DashboardResponse)
  const session = useSession()
  // Only social care staff start cases (the server refuses anyone else); the family never sees the button.
  const mayStart = session.status === 'signed-in' && canStartCase(session.session.user)
  if (state.status === 'failed') return <LoadFailed error={state.error} what="Cases" />
  return (
    <main className="page" id="main-content" aria-busy={state.status === 'loading'}>
      <h1 className="page__title">My cases</h1>
      {mayStart && (
        <p>
          <a className="button" href="/cases/new">
            Start a case
          </a>
        </p>
      )}
      {state.status === 'ok' &&
        (state.data.cases.length === 0 ? (
          <p>You are not in the core group of any case yet.</p>
        ) : (
          <ul className="case-list">
            {state.data.cases.map((k) => (
              <CaseCard key={k.id} k={k} />
            ))}
          </ul>
        ))}
    </main>
  )
}
