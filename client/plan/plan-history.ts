/**
 * The plan's row histories from `GET /api/cases/:id/plan/history` (`PlanHistoryResponse`), by row id.
 * The endpoint may be missing (a server without it answers 404) or unreachable: the review then says
 * what the row itself records (its status and when it last changed) instead of its history.
 * @module
 */
import { useEffect, useState } from 'react'
import { PlanHistoryRecord } from '../../schemas/api/plan.ts'
import type { HistoryEntry } from '../../schemas/plan/row-history.ts'
import { ukDayOfInstant } from '../../schemas/plan/words.ts'
import { api } from '../api/client.ts'

export type RowHistories = ReadonlyMap<string, HistoryEntry[]>

/** The entries of the response grouped by row, each as a `HistoryEntry`; records it cannot read are skipped. */
export function parseHistories(body: unknown): Map<string, HistoryEntry[]> {
  const result = new Map<string, HistoryEntry[]>()
  const entries = typeof body === 'object' && body !== null ? (body as { entries?: unknown }).entries : undefined
  if (!Array.isArray(entries)) return result
  for (const value of entries) {
    const parsed = PlanHistoryRecord.safeParse(value)
    if (!parsed.success) continue
    const { rowId, seq: _seq, ...entry } = parsed.data
    const list = result.get(rowId) ?? []
    list.push(entry)
    result.set(rowId, list)
  }
  return result
}

/** Fields a new row is written in after it is added (its text, who owns it and by when). */
const DRAFTED_FIELDS: ReadonlySet<string> = new Set(['need', 'outcome', 'action', 'how', 'owner', 'due'])
const isEmpty = (v: unknown) => v === undefined || v === null || v === ''

/**
 * The history without the writing of a new row: after "added by Sam Okafor on 2 December", the same
 * person filling in its empty text, owner and due date that day is part of adding it, not news for the
 * review. Status and progress changes, later days and other people's changes all stay.
 */
export function withoutDrafting(history: readonly HistoryEntry[]): HistoryEntry[] {
  const added = history.find((e) => e.field === null && isEmpty(e.old))
  if (!added) return [...history]
  const day = ukDayOfInstant(added.at)
  return history.filter(
    (e) => !(e !== added && e.field !== null && DRAFTED_FIELDS.has(e.field) && isEmpty(e.old) && e.by.memberId === added.by.memberId && ukDayOfInstant(e.at) === day),
  )
}

export type HistoryState = { status: 'loading' } | { status: 'ok'; histories: RowHistories } | { status: 'unavailable' }

/** Loads the case's plan histories again whenever `version` changes. */
export function usePlanHistory(caseId: string, version = 0): HistoryState {
  const [state, setState] = useState<HistoryState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    api('GET', `/api/cases/${encodeURIComponent(caseId)}/plan/history`, null).then(
      (body) => live && setState({ status: 'ok', histories: parseHistories(body) }),
      // 404 (no such endpoint on this server), 403 or no network: the review uses the rows' own dates.
      () => live && setState((s) => (s.status === 'ok' ? s : { status: 'unavailable' })),
    )
    return () => {
      live = false
    }
  }, [caseId, version])
  return state
}
