/**
 * The core group's Terms of Reference (seed 003): the family name, the date they were agreed, the lead
 * member, the deputy-lead member and the relevant Children's Social Care team manager, and the named
 * worker supporting school transitions where there is one. Built from the case and its current members,
 * for the case page and the membership sheet's DOCX alike.
 * @module
 */
import type { Case } from './case.ts'
import { isActiveMember, type Member } from './member.ts'

export interface TermsOfReference {
  familyName: string
  agreedDate: string | null
  lead: string | null
  deputy: string | null
  teamManager: string | null
  transitionsWorker: string | null
}

/** The Terms of Reference as they stand on `date`: names of the members holding each role then. */
export function termsOfReference(k: Pick<Case, 'familyName' | 'termsOfReferenceAgreedDate' | 'transitionsWorkerMemberId'>, members: readonly Member[], date: string): TermsOfReference {
  const current = members.filter((m) => isActiveMember(m, date))
  const named = (m: Member | undefined) => (m ? (m.agency ? `${m.name}, ${m.agency}` : m.name) : null)
  return {
    familyName: k.familyName,
    agreedDate: k.termsOfReferenceAgreedDate,
    lead: named(current.find((m) => m.role === 'lead-social-worker')),
    deputy: named(current.find((m) => m.role === 'deputy-lead')),
    teamManager: named(current.find((m) => m.role === 'team-manager')),
    transitionsWorker: named(current.find((m) => m.id === k.transitionsWorkerMemberId)),
  }
}

/** The Terms of Reference as label and value lines, with "Not agreed yet" and "None named" where empty. */
export function termsOfReferenceLines(t: TermsOfReference, formatDate: (iso: string) => string): Array<[string, string]> {
  return [
    ['Family name', t.familyName],
    ['Date the Terms of Reference were agreed', t.agreedDate ? formatDate(t.agreedDate) : 'Not agreed yet'],
    ['Lead member', t.lead ?? 'None named'],
    ['Deputy-lead member', t.deputy ?? 'None named'],
    ['Relevant Children’s Social Care team manager', t.teamManager ?? 'None named'],
    ['Named worker for school transitions', t.transitionsWorker ?? 'None named'],
  ]
}
