/**
 * Which sections a document holds (DESIGN §3): from the meeting's agenda, the core group's members
 * and the contribution format. The server refuses updates to sections outside the layout; the client
 * renders one editor per rich-text section in this order.
 * @module
 */
import { DEMO_SECTIONS, type DocumentRef } from './documents.ts'
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

/** The fields of the social worker's joint sections of the joint report. */
export const JOINT_FIELDS = [
  { key: 'analysis', title: 'Multi-agency analysis' },
  { key: 'risk-and-protective-factors', title: 'Risk factors and protective factors' },
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
      return [
        ...members
          .filter((m) => PROFESSIONAL_ROLES.has(m.role))
          .flatMap((m) => CONTRIBUTION_FORMAT.map((f) => ({ name: `contrib:${m.id}:${f.key}`, title: `${m.name}: ${f.title}`, prompt: f.hint, kind: 'text' as const }))),
        ...JOINT_FIELDS.map((f) => ({ name: `joint:${f.key}`, title: f.title, kind: 'text' as const })),
      ]
  }
}
