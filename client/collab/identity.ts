/**
 * Who this browser is in presence: the signed-in user's id, name and a colour derived from the id, so
 * everyone sees the same colour for the same person. The server drops presence that claims anyone else.
 * @module
 */
export interface Identity {
  id: string
  name: string
  color: string
}

/** Colours with at least 4.5:1 contrast against white text, so names on carets stay readable. */
export const PRESENCE_COLOURS = ['#1d70b8', '#00703c', '#d4351c', '#4c2c92', '#8f5a00', '#912b88', '#00706b', '#b3460c']

export function identityOf(user: { id: string; name: string }): Identity {
  let h = 0
  for (const ch of user.id) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return { id: user.id, name: user.name, color: PRESENCE_COLOURS[h % PRESENCE_COLOURS.length]! }
}
