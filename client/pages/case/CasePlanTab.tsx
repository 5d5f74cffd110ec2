/**
 * The case's "Plan" tab: the child protection plan (`plan:<caseId>`), live, for every current member
 * of the core group. Administrators who are not members are told so (the server would refuse them).
 * @module
 */
import { isActiveMember, type Meeting, type Member } from '../../../schemas/entities/index.ts'
import type { CaseViewer } from '../../../schemas/api/cases.ts'
import { meetingInProgress } from '../../../schemas/plan/meeting-in-progress.ts'
import { canReadPlan } from '../../../schemas/plan/plan-rules.ts'
import type { Viewer } from '../../../schemas/permissions.ts'
import type { Identity } from '../../collab/identity.ts'
import { PlanTable } from '../../plan/PlanTable.tsx'
import { usePlanDocument } from '../../plan/use-plan-document.ts'

interface Props {
  caseId: string
  identity: Identity
  viewer: CaseViewer
  members: readonly Member[]
  meetings: readonly Meeting[]
  today: string
}

export function CasePlanTab({ caseId, identity, viewer: caseViewer, members, meetings, today }: Props) {
  const me = members.find((m) => m.id === caseViewer.memberId)
  const viewer: Viewer = {
    userId: identity.id,
    memberId: caseViewer.memberId,
    role: caseViewer.role,
    optedOut: me ? !isActiveMember(me, today) : true,
  }
  const readable = canReadPlan(viewer)
  const plan = usePlanDocument(caseId, identity, readable)
  if (!readable) {
    return <p data-testid="plan-unavailable">Only the members of the core group can see the child protection plan.</p>
  }
  const planMembers = members.map((m) => ({ id: m.id, name: m.name, agency: m.agency, optedOut: !isActiveMember(m, today) }))
  const now = meetings.find((m) => m.date === today)
  return (
    <>
      {now && (
        <p className="notice">
          A core group meets today: <a href={`/meetings/${now.id}`}>open the meeting</a> to review the plan with everyone.
        </p>
      )}
      <PlanTable plan={plan} viewer={viewer} meetingInProgress={meetingInProgress(meetings, today, viewer.memberId)} members={planMembers} today={today} />
    </>
  )
}
