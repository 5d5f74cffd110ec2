/**
 * Why a section is read-only for this user, in words — the client's mirror of the server's rules.
 * @module
 */
import { parseSectionName, type DocumentRef } from '../../schemas/documents.ts'
import type { LayoutMember } from '../../schemas/layout.ts'
import { writeDecision, type ControlState, type MeetingRoles, type Viewer } from '../../schemas/permissions.ts'

export function readOnlyReason(
  viewer: Viewer,
  doc: DocumentRef,
  section: string,
  meetingRoles: MeetingRoles | null,
  control: ControlState,
  members: readonly LayoutMember[],
): string | undefined {
  const decision = writeDecision(viewer, doc, section, meetingRoles, control)
  if (decision.ok) return undefined
  switch (decision.reason) {
    case 'locked':
      return control.finalisedVersion ? 'this document is finalised.' : 'the social worker has locked this section.'
    case 'read-only':
      return 'you can read this document but not change it.'
    case 'control':
    case 'unknown-section':
      return 'this part of the document cannot be changed.'
    case 'not-writable': {
      const ref = parseSectionName(section)
      const owner = (id: string) => members.find((m) => m.id === id)?.name ?? 'its author'
      if (ref?.kind === 'update') return `only ${owner(ref.memberId)} and the lead social worker write this update.`
      if (ref?.kind === 'contrib') return `only ${owner(ref.memberId)} writes this contribution.`
      if (ref?.kind === 'joint') return 'only the lead social worker writes the joint sections.'
      if (ref?.kind === 'views') return `only ${owner(ref.memberId)} writes these views.`
      if (ref?.kind === 'draft') return 'this is the draft the social worker shared; it changes when they share it again.'
      if (ref?.kind === 'notes') return 'only the chair, the note taker and the lead social worker write these notes.'
      return 'only the chair, the note taker and the lead social worker write the minutes.'
    }
  }
}
