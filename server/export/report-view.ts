/**
 * The joint report for the review conference as blocks (`NotesView`), generically from the report's
 * layout (`documentLayout` in schemas/layout.ts): each professional's contribution in the contribution
 * format (rich text, the chronology as a table), then the joint sections (the multi-agency analysis, the
 * recommendation, the social worker's note on disagreement) and every member's recorded position. The
 * family copy is built from the family's document (`report:<id>:family`: the shared draft without
 * professionals-only passages, and the family's own views) and never reads the professionals' one.
 * Under the voice of the child, both copies carry the child's own views from the meeting's minutes
 * (`childViewsBlocks`), as the notes do: whoever reads the report may read the minutes.
 * @module
 */
import type * as Y from 'yjs'
import type { NotesBlock, NotesView } from '../../schemas/api/version-view.ts'
import type { ExportCopy } from '../../schemas/api/versions.ts'
import { ChronologyRow } from '../../schemas/content/rows.ts'
import { isActiveMember } from '../../schemas/entities/index.ts'
import { documentLayout, memberLabel, type LayoutSection } from '../../schemas/layout.ts'
import { memberPositions } from '../../schemas/report/positions.ts'
import { formatLongDate } from '../../schemas/timescales/iso-date.ts'
import type { VersionContext } from '../versions/version-repo.ts'
import { childViewsBlocks } from './child-views.ts'
import { heldLine } from './notes-view.ts'
import { isEmptyRichText, richTextJson, rowsJson } from './section-json.ts'

export interface ReportSources {
  context: VersionContext
  /** `report:<id>` for the professional copy, `report:<id>:family` for the family copy. */
  report: Y.Doc
  copy: ExportCopy
  status: string
  /**
   * The meeting's minutes, for the child's own views under the voice of the child; null (or absent)
   * when the source holds none, as a report version finalised before they were recorded with it.
   */
  minutes?: Y.Doc | null
}

/** The joint field the child's own views go under. */
const VOICE_OF_THE_CHILD = 'voice-of-the-child'

const NOTHING: NotesBlock = { kind: 'note', text: 'Nothing recorded.' }

function sectionBlocks(doc: Y.Doc, s: LayoutSection): NotesBlock[] {
  if (s.kind === 'text') {
    const json = richTextJson(doc, s.name)
    return isEmptyRichText(json) ? [NOTHING] : [{ kind: 'rich', doc: json }]
  }
  const rows = rowsJson(doc, s.name).flatMap((r) => {
    const row = ChronologyRow.safeParse(r)
    return row.success ? [[formatLongDate(row.data.date), row.data.event, row.data.outcome ?? '']] : []
  })
  return rows.length === 0 ? [NOTHING] : [{ kind: 'table', headers: ['Date', 'What happened', 'Outcome'], rows }]
}

export function buildReportView(src: ReportSources): NotesView {
  const { context: ctx, report } = src
  const members = ctx.members.filter((m) => isActiveMember(m, ctx.meeting.date))
  const blocks: NotesBlock[] = []
  // Under the joint voice of the child, the child's own words follow what the agencies wrote.
  const withChildViews = (s: LayoutSection, content: NotesBlock[]): NotesBlock[] => {
    if (!src.minutes || s.name.split(':')[1] !== VOICE_OF_THE_CHILD) return content
    const own = childViewsBlocks(src.minutes, members)
    return own.length === 0 ? content : [...content.filter((b) => b !== NOTHING), ...own]
  }
  if (src.copy === 'professional') {
    const layout = documentLayout({ kind: 'report', reportId: ctx.meeting.id }, [], members)
    for (const m of members) {
      const own = layout.filter((s) => s.name.startsWith(`contrib:${m.id}:`))
      if (own.length === 0) continue
      blocks.push({ kind: 'heading', text: `Agency contribution: ${memberLabel(m)}` })
      const fields = own.map((s) => ({ s, content: sectionBlocks(report, s) }))
      if (fields.every((f) => f.content[0] === NOTHING)) {
        blocks.push({ kind: 'note', text: 'No written contribution received.' })
        continue
      }
      for (const { s, content } of fields) blocks.push({ kind: 'subheading', text: s.title.slice(memberLabel(m).length + 2) }, ...content)
    }
    for (const s of layout.filter((x) => x.name.startsWith('joint:'))) blocks.push({ kind: 'heading', text: s.title }, ...withChildViews(s, sectionBlocks(report, s)))
    const professionals = members.filter((m) => layout.some((s) => s.name === `position:${m.id}`))
    const positions = memberPositions(professionals, (id) => rowsJson(report, `position:${id}`))
    blocks.push(
      { kind: 'heading', text: 'Positions on the recommendation' },
      {
        kind: 'table',
        headers: ['Member', 'Position', 'Reason given'],
        rows: positions.map((p) => [memberLabel(p), p.position === 'agree' ? 'Agrees' : p.position === 'disagree' ? 'Disagrees' : 'No position recorded', p.reason ?? (p.position === 'disagree' ? 'No reason given' : '')]),
      },
    )
  } else {
    const layout = documentLayout({ kind: 'report-family', reportId: ctx.meeting.id }, [], members)
    for (const s of layout.filter((x) => x.name.startsWith('draft:') || x.name.startsWith('views:'))) blocks.push({ kind: 'heading', text: s.title }, ...withChildViews(s, sectionBlocks(report, s)))
  }
  return {
    title: 'Joint report to the review child protection conference',
    held: `From the core group before the review conference. ${heldLine(ctx)}`,
    familyName: ctx.case.familyName,
    children: ctx.case.children.map((c) => c.name),
    copy: src.copy,
    copyNote: src.copy === 'family' ? 'Family copy: the shared draft without professionals-only passages, and the family’s own views.' : 'Professional copy: every agency’s contribution; do not share with the family.',
    status: src.status,
    blocks,
  }
}
