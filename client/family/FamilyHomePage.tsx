/**
 * The family's first page after signing in: what coregroup is, in a sentence, and their case(s).
 * No professional due items, and no "Start a case" (only social care staff start cases).
 * @module
 */
import { CaseListResponse } from '../../schemas/api/cases.ts'
import { useApi } from '../api/use-api.ts'
import { LoadFailed } from '../components/LoadFailed.tsx'
import { Glossed, GlossaryScope } from './Glossary.tsx'

export function FamilyHomePage({ name }: { name: string }) {
  const [state] = useApi('/api/cases', CaseListResponse)
  if (state.status === 'failed') return <LoadFailed error={state.error} what="Page" />
  return (
    <GlossaryScope>
      <main className="page family-page" id="main-content" aria-busy={state.status === 'loading'}>
        <h1 className="page__title">Hello, {name.split(' ')[0]}</h1>
        <p className="family-lead">
          <Glossed text="coregroup is where you, your social worker and the other professionals write down and share what the core group agrees, so that everyone knows what will happen and when." />
        </p>
        {state.status === 'ok' &&
          (state.data.cases.length === 0 ? (
            <p>There is nothing for you here yet. Your social worker will add you to your core group.</p>
          ) : (
            <ul className="family-list family-list--plain">
              {state.data.cases.map((k) => (
                <li key={k.id}>
                  <a className="family-big-link" href={`/cases/${k.id}`} data-testid="family-case-link">
                    Open your family’s page
                  </a>
                  {k.status === 'plan-ended' ? ' (the plan has ended)' : ''}
                </li>
              ))}
            </ul>
          ))}
      </main>
    </GlossaryScope>
  )
}
