/**
 * Which sections a document holds (DESIGN §3): from the meeting's agenda, the core group's members
 * and the contribution format. The server refuses updates to sections outside the layout; the client
 * renders one editor per rich-text section in this order.
 * @module
 */
import { CHRONOLOGY_FIELD, DEMO_SECTIONS, type DocumentRef } from './documents.ts'
import { PLAN_ACTIONS_SECTION } from './plan/plan-rules.ts'
import { PROFESSIONAL_ROLES, type CoreGroupRole } from './roles.ts'
import type { AgendaItem } from './templates/agenda-item.ts'
import { CONTRIBUTION_FORMAT } from './templates/contribution-format.ts'

export interface LayoutSection {
  name: string
  title: string
  prompt?: string
  /** Rich text (a Y.XmlFragment) or structured rows (the action plan, attendance). */
  kind: 'text' | 'rows'
}

export interface LayoutMember {
  id: string
  name: string
  role: CoreGroupRole
  agency?: string | null
}

/**
 * The fields of the social worker's joint sections of the joint report (`joint:<key>`): one per field
 * of the contribution format, which the merge fills with a passage per agency, then `disagreement`
 * (the social worker's note on any disagreement; members record their own in `position:<memberId>`).
 */
export const JOINT_FIELDS = [
  { key: 'chronology', title: 'Chronology of agency involvement since the last conference' },
  { key: 'progress', title: 'Progress against the protection plan' },
  { key: 'updates-required', title: 'Updates required for the plan' },
  { key: 'other-information', title: 'Any other relevant information' },
  { key: 'risk-and-protective-factors', title: 'Risk factors and protective factors' },
  { key: 'voice-of-the-child', title: 'The voice of the child' },
  { key: 'parents-carers-views', title: 'Parents’ and carers’ views' },
  { key: 'analysis', title: 'Multi-agency analysis' },
  { key: 'recommendation', title: 'Recommendation to the review conference' },
  { key: 'disagreement', title: 'Disagreement with the recommendation (if any)' },
] as const

export function documentLayout(doc: DocumentRef, agenda: readonly AgendaItem[], members: readonly LayoutMember[]): LayoutSection[] {
  switch (doc.kind) {
    case 'demo':
      return DEMO_SECTIONS.map((s) => ({ name: s.name, title: s.title, kind: 'text' as const }))
    case 'meeting':
      return [
        ...agenda.map((i) => ({ name: `item:${i.key}`, title: i.title, prompt: i.prompt, kind: 'text' as const })),
        ...members.map((m) => ({ name: `update:${m.id}`, title: `Update from ${m.name}${m.agency ? ` (${m.agency})` : ''}`, kind: 'text' as const })),
        { name: 'actions', title: 'Protection plan actions', kind: 'rows' as const },
        { name: 'attendance', title: 'Attendance and apologies', kind: 'rows' as const },
      ]
    case 'restricted':
      return [{ name: 'notes', title: 'Professionals-only notes', kind: 'text' }]
    case 'plan':
      // One section: the plan's rows (`PlanActionRow`), whatever the meetings and members.
      return [{ name: PLAN_ACTIONS_SECTION, title: 'Child protection plan', kind: 'rows' }]
    case 'report':
      return reportLayout(members)
    case 'report-family':
      return familyReportLayout(members)
  }
}

/** "Name (Agency)", how a member is named in the joint report. */
export function memberLabel(m: Pick<LayoutMember, 'name' | 'agency'>): string {
  return m.agency ? `${m.name} (${m.agency})` : m.name
}

/**
 * The joint report (`report:<meetingId>`): for each current professional, their contribution in the
 * agency format (`contrib:<memberId>:<field>`; the chronology as rows), their position on the
 * recommendation (`position:<memberId>`) and their comments on the draft (`comments:<memberId>`);
 * then the social worker's joint sections and the comments they resolved.
 */
function reportLayout(members: readonly LayoutMember[]): LayoutSection[] {
  const professionals = members.filter((m) => PROFESSIONAL_ROLES.has(m.role))
  return [
    ...professionals.flatMap((m) => [
      ...CONTRIBUTION_FORMAT.map((f) => ({
        name: `contrib:${m.id}:${f.key}`,
        title: `${memberLabel(m)}: ${f.title}`,
        prompt: f.hint,
        kind: f.key === CHRONOLOGY_FIELD ? ('rows' as const) : ('text' as const),
      })),
      { name: `position:${m.id}`, title: `${memberLabel(m)}: position on the recommendation`, kind: 'rows' as const },
      { name: `comments:${m.id}`, title: `Comments from ${memberLabel(m)}`, kind: 'rows' as const },
    ]),
    ...JOINT_FIELDS.map((f) => ({ name: `joint:${f.key}`, title: f.title, kind: 'text' as const })),
    { name: 'resolutions', title: 'Resolved comments', kind: 'rows' as const },
  ]
}

/**
 * The family's copy (`report:<meetingId>:family`): the shared draft (`draft:<field>`, server-written,
 * without professionals-only passages), each family member's own views (`views:<memberId>`), every
 * current member's comments on the shared draft, and the comments the social worker resolved.
 */
function familyReportLayout(members: readonly LayoutMember[]): LayoutSection[] {
  return [
    ...JOINT_FIELDS.map((f) => ({ name: `draft:${f.key}`, title: f.title, kind: 'text' as const })),
    ...members
      .filter((m) => !PROFESSIONAL_ROLES.has(m.role))
      .map((m) => ({ name: `views:${m.id}`, title: `Views of ${m.name}`, kind: 'text' as const })),
    ...members.map((m) => ({ name: `comments:${m.id}`, title: `Comments from ${memberLabel(m)}`, kind: 'rows' as const })),
    { name: 'resolutions', title: 'Resolved comments', kind: 'rows' as const },
  ]
}
