/**
 * Opaque tokens for cookies and one-time links. Only their sha256 is stored, so a copy of the
 * database cannot be used to sign in.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto'

export const newToken = (): string => randomBytes(32).toString('base64url')
export const tokenId = (token: string): string => createHash('sha256').update(token).digest('base64url')
export const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString('base64url')}`
