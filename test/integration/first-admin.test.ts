/**
 * An empty store: `npm start` prints a one-time link for the first administrator, or creates them from
 * COREGROUP_ADMIN_EMAIL and COREGROUP_ADMIN_PASSWORD (ignored once anyone exists).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { startChildServer, type ChildServer } from '../support/child-server.ts'
import { waitFor } from '../support/clients.ts'

/** What `npm start` runs (npm test builds it first). */
const BUILT = { built: true }
let server: ChildServer | null = null
let dataDir = ''
afterEach(async () => {
  await server?.stop()
  server = null
  rmSync(dataDir, { recursive: true, force: true })
})

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

it('prints a one-time link that creates the first administrator, and no link once one exists', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coregroup-first-'))
  server = await startChildServer({ COREGROUP_DATA: dataDir }, BUILT)
  await waitFor(() => /invite\/\S+/.test(server!.output()), 5000, 'the invitation line')
  const link = /(http:\/\/\S+\/invite\/(\S+))/.exec(server.output())!
  const token = link[2]!
  const accepted = await post(`${server.httpUrl}/api/invitations/${token}/accept`, { password: 'a long fictional passphrase', name: 'Robin Admin', email: 'robin@example.test' })
  expect(accepted.status).toBe(201)
  const body = (await accepted.json()) as { user: { accountRole: string; email: string } }
  expect(body.user.accountRole).toBe('administrator')
  expect((await post(`${server.httpUrl}/api/invitations/${token}/accept`, { password: 'a long fictional passphrase', name: 'Robin Admin', email: 'robin@example.test' })).status).toBe(404)
  await server.stop()
  server = await startChildServer({ COREGROUP_DATA: dataDir }, BUILT)
  await new Promise((r) => setTimeout(r, 200))
  expect(server.output()).not.toMatch(/invite\//)
})

it('creates the first administrator from the environment, once', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coregroup-first-'))
  const env = { COREGROUP_DATA: dataDir, COREGROUP_ADMIN_EMAIL: 'admin@example.test', COREGROUP_ADMIN_PASSWORD: 'a long fictional passphrase' }
  server = await startChildServer(env, BUILT)
  await waitFor(() => /Created the first administrator: admin@example.test/.test(server!.output()), 5000, 'the creation line')
  expect((await post(`${server.httpUrl}/api/session`, { email: 'admin@example.test', password: env.COREGROUP_ADMIN_PASSWORD })).status).toBe(201)
  await server.stop()
  server = await startChildServer({ ...env, COREGROUP_ADMIN_PASSWORD: 'another long passphrase' }, BUILT)
  expect(server.output()).not.toMatch(/Created the first administrator/)
  expect((await post(`${server.httpUrl}/api/session`, { email: 'admin@example.test', password: 'another long passphrase' })).status).toBe(401)
})

it('stops with one line when a setting is wrong', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coregroup-first-'))
  await expect(startChildServer({ COREGROUP_DATA: dataDir, PORT: '99999' }, BUILT)).rejects.toThrow(/server exited with 1: coregroup: PORT="99999" must be a whole number from 0 to 65535\n$/)
})
