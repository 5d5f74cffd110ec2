/**
 * A test server with the fictional core group seeded, and two honest clients on the meeting's minutes:
 * the health visitor, who has written her update, and the social worker, who has seen it.
 * @module
 */
import type { DocumentSync } from '../../client/collab/document-sync.ts'
import { openClient, sectionText, typeInto, waitFor } from './clients.ts'
import { seedTestCoreGroup, type CoreGroupFixture } from './core-group.ts'
import { startTestServer, type TestServer } from './server.ts'

export interface MinutesFixture {
  server: TestServer
  group: CoreGroupFixture
  /** The minutes' document name. */
  minutes: string
  healthVisitor: DocumentSync
  socialWorker: DocumentSync
  /** The health visitor's own update section. */
  hvSection: string
  stop(): Promise<void>
}

export const HV_FIRST_WORDS = 'Weight gain is on track.'

export async function startMinutesFixture(): Promise<MinutesFixture> {
  const server = await startTestServer()
  const group = await seedTestCoreGroup(server)
  const minutes = `meeting:${group.meeting.id}`
  const hvSection = `update:${group.people.healthVisitor.member.id}`
  const healthVisitor = openClient(server.syncUrl, minutes, group.as.healthVisitor)
  const socialWorker = openClient(server.syncUrl, minutes, group.as.socialWorker)
  await Promise.all([healthVisitor.whenSynced(), socialWorker.whenSynced()])
  typeInto(healthVisitor.doc, hvSection, HV_FIRST_WORDS)
  await healthVisitor.whenSaved()
  await waitFor(() => sectionText(socialWorker.doc, hvSection) === HV_FIRST_WORDS)
  return {
    server,
    group,
    minutes,
    healthVisitor,
    socialWorker,
    hvSection,
    async stop() {
      healthVisitor.destroy()
      socialWorker.destroy()
      await server.stop()
    },
  }
}
