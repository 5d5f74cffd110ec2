/**
 * "Finalise and share" (`/meetings/:id/record`, issue 13): the meeting's versions, finalise (with a
 * confirmation) and reopen (with a reason) for the lead social worker and the team manager, each
 * version viewable read-only and downloadable as DOCX (professional and family copies, the plan, the
 * membership sheet), the distribution record, and for every other member their own copies to
 * download and acknowledge.
 * @module
 */
import { useEffect, useState } from 'react'
import type { VersionViewResponse } from '../../schemas/api/version-view.ts'
import type { VersionSubject, VersionSummary } from '../../schemas/api/versions.ts'
import { api } from '../api/client.ts'
import { dayAndDate } from '../dates.ts'
import { DistributionTable } from './DistributionTable.tsx'
import { FinalisePanel } from './FinalisePanel.tsx'
import { NotesViewer } from './NotesViewer.tsx'
import { useRecord } from './use-record.ts'
import './record.css'
import { formatDayDateTime } from '../../schemas/meeting/uk-time.ts'

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/London' })

/** Download links of one version (or of the live draft when `versionId` is null). */
function Downloads({ meetingId, versionId, label, subject }: { meetingId: string; versionId: string | null; label: string; subject: VersionSubject }) {
  const base = versionId ? `/api/versions/${encodeURIComponent(versionId)}/export.docx` : `/api/meetings/${encodeURIComponent(meetingId)}/export.docx`
  const main = subject === 'report' ? 'report' : 'notes'
  const words = subject === 'report' ? 'Joint report' : 'Notes'
  const links: Array<[string, string]> = [
    [`?document=${main}&copy=professional`, `${words}, professional copy`],
    [`?document=${main}&copy=family`, `${words}, family copy`],
    ['?document=plan&copy=professional', 'Child protection plan'],
    ['?document=membership&copy=professional', 'Membership and contact sheet'],
  ]
  return (
    <ul className="record__downloads" aria-label={label}>
      {links.map(([q, text]) => (
        <li key={q}>
          <a href={base + q} download data-testid={`download-${versionId ?? 'draft'}-${q.replace(/[?&=]/g, '-')}`}>
            {text} (DOCX)
          </a>
        </li>
      ))}
    </ul>
  )
}

export function RecordPage({ meetingId, subject = 'minutes' }: { meetingId: string; subject?: VersionSubject }) {
  const record = useRecord(meetingId, subject)
  const what = subject === 'report' ? 'the joint report' : 'the minutes or the professionals-only notes'
  const [viewing, setViewing] = useState<string | null>(null)
  const [view, setView] = useState<VersionViewResponse | null>(null)
  useEffect(() => {
    setView(null)
    if (viewing) api('GET', `/api/versions/${encodeURIComponent(viewing)}`, null).then((v) => setView(v as VersionViewResponse), () => setView(null))
  }, [viewing])
  const { facts, list } = record
  const latest: VersionSummary | undefined = list?.versions[0]
  const manage = list?.viewer.canManage ?? false
  const finalised = list?.state === 'finalised'
  const mine = new Map((list?.distributions ?? []).filter((d) => d.memberId === list?.viewer.memberId).map((d) => [d.versionId, d]))

  return (
    <main className="page record-page" id="main-content">
      <p className="page__caption">
        <a href={`/meetings/${meetingId}`}>Back to the meeting</a>
      </p>
      <h1 className="page__title">{list && !manage ? (subject === 'report' ? 'The joint report: versions' : 'The notes: versions and your copies') : subject === 'report' ? 'Finalise and share the joint report' : 'Finalise and share'}</h1>
      {facts?.meeting.type === 'pre-review' && manage && (
        <p>
          {subject === 'report' ? <a href={`/meetings/${meetingId}/record`}>The notes of this meeting</a> : <a href={`/meetings/${meetingId}/record?subject=report`}>The joint report of this meeting</a>}
        </p>
      )}
      {facts && (
        <p>
          {facts.case.familyName} family: core group on {formatDayDateTime(facts.meeting.date, facts.meeting.time)}
          {facts.meeting.venue ? `, ${facts.meeting.venue}` : ''}
        </p>
      )}
      {record.problem && (
        <p className="notice notice--warning" role="alert" data-testid="record-problem">
          {record.problem}
        </p>
      )}
      {list && (
        <p className={`notice${finalised ? ' notice--locked' : ''}`} data-testid="record-state">
          {finalised && latest
            ? `Version ${latest.number} is final: nobody can change ${what}.`
            : latest
              ? `Draft after version ${latest.number}: the notes can be changed until they are finalised again.`
              : 'Draft: the notes can be changed until they are finalised.'}
        </p>
      )}
      {list && manage && (
        <FinalisePanel finalised={finalised} nextNumber={(latest?.number ?? 0) + 1} busy={record.busy} onFinalise={record.finalise} onReopen={record.reopen} />
      )}
      {list && manage && !finalised && (
        <section className="record__panel" aria-labelledby="draft-title">
          <h2 id="draft-title">Download the draft</h2>
          <p>Draft downloads are marked DRAFT on every page and are not for the record.</p>
          <Downloads meetingId={meetingId} versionId={null} label="Draft downloads" subject={subject} />
        </section>
      )}
      {list && manage && finalised && latest && (
        <DistributionTable
          versionNumber={latest.number}
          recipients={list.recipients}
          distributions={list.distributions.filter((d) => d.versionId === latest.id)}
          busy={record.busy}
          onRecord={(memberId) => void record.recordSent(latest.id, memberId)}
        />
      )}
      {list && (
        <section aria-labelledby="versions-title" className="record__panel">
          <h2 id="versions-title">Versions</h2>
          {list.versions.length === 0 && <p data-testid="no-versions">No version has been finalised yet.</p>}
          <ol className="record__versions" data-testid="version-list">
            {list.versions.map((v) => {
              const sent = mine.get(v.id)
              return (
                <li key={v.id} data-testid={`version-${v.number}`}>
                  <h3>Version {v.number}</h3>
                  <p>
                    Finalised {when(v.createdAt)} by {v.createdBy.name}.
                    {v.reopened && ` Reopened ${when(v.reopened.at)} by ${v.reopened.by.name}: “${v.reopened.reason}”`}
                  </p>
                  <button type="button" className="link-button" onClick={() => setViewing(viewing === v.id ? null : v.id)} aria-expanded={viewing === v.id} data-testid={`view-${v.number}`}>
                    {viewing === v.id ? 'Hide' : 'View'} version {v.number}
                  </button>
                  {manage && <Downloads meetingId={meetingId} versionId={v.id} label={`Downloads of version ${v.number}`} subject={subject} />}
                  {!manage && sent && (
                    <div className="record__mine">
                      <p>
                        Sent to you ({sent.copy === 'family' ? 'family copy' : 'professional copy'}) on {when(sent.sentAt)}. How: {sent.method}.
                      </p>
                      <a href={`/api/versions/${encodeURIComponent(v.id)}/export.docx`} download data-testid={`my-download-${v.number}`}>
                        Download your copy (DOCX)
                      </a>{' '}
                      {sent.acknowledgedAt ? (
                        <span data-testid={`acknowledged-${v.number}`}>Receipt acknowledged {when(sent.acknowledgedAt)}.</span>
                      ) : (
                        <button type="button" className="button button--secondary" disabled={record.busy} onClick={() => void record.acknowledge(v.id)} data-testid={`acknowledge-${v.number}`}>
                          Acknowledge receipt
                        </button>
                      )}
                    </div>
                  )}
                  {viewing === v.id && view && view.version.id === v.id && <NotesViewer notes={view.notes} />}
                </li>
              )
            })}
          </ol>
        </section>
      )}
    </main>
  )
}
