/**
 * Who this browser is in presence: a display name and a colour. Until accounts land, a guest name is
 * kept in localStorage and can be changed on the page.
 * @module
 */
export interface Identity {
  name: string
  color: string
}

/** Colours with at least 4.5:1 contrast against white text, so names on carets stay readable. */
export const PRESENCE_COLOURS = ['#1d70b8', '#00703c', '#d4351c', '#4c2c92', '#b58840', '#912b88', '#28a197', '#f47738']

const KEY = 'coregroup:identity'

export function loadIdentity(): Identity {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Identity | null
    if (saved && typeof saved.name === 'string' && typeof saved.color === 'string') return saved
  } catch {
    // fall through to a new identity
  }
  const n = Math.floor(Math.random() * 900) + 100
  const identity = { name: `Guest ${n}`, color: PRESENCE_COLOURS[n % PRESENCE_COLOURS.length]! }
  saveIdentity(identity)
  return identity
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity))
}
