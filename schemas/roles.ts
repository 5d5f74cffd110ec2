/**
 * Roles in a core group (seed 001, 003, 004) and in the authority.
 * @module
 */
import * as z from 'zod'

/** A member's role in the core group of one case. */
export const CoreGroupRole = z.enum([
  'lead-social-worker',
  'deputy-lead',
  'team-manager',
  'professional',
  'parent-carer',
  'child',
  'advocate',
])
export type CoreGroupRole = z.infer<typeof CoreGroupRole>

/** Words for each role, for screens and exports. */
export const CORE_GROUP_ROLE_LABELS: Record<CoreGroupRole, string> = {
  'lead-social-worker': 'Lead social worker',
  'deputy-lead': 'Deputy lead',
  'team-manager': 'Team manager',
  professional: 'Professional',
  'parent-carer': 'Parent or carer',
  child: 'Child or young person',
  advocate: 'Advocate',
}

/** Roles that are professionals: they may read professionals-only documents and the joint report. */
export const PROFESSIONAL_ROLES: ReadonlySet<CoreGroupRole> = new Set([
  'lead-social-worker',
  'deputy-lead',
  'team-manager',
  'professional',
])

/** A user's role in the authority (accounts), separate from any core group role. */
export const AccountRole = z.enum(['administrator', 'staff', 'family'])
export type AccountRole = z.infer<typeof AccountRole>
