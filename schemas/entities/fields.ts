/**
 * Field validators shared by the entity schemas, with messages written for GOV.UK-style forms
 * ("Enter the family name", "Date of birth must be a real date"). Each takes the field's label as the
 * user sees it, so a message never names an internal key.
 * @module
 */
import * as z from 'zod'
import { ID_PATTERN } from '../documents.ts'
import { hasIsoDateShape, isIsoDate } from '../timescales/iso-date.ts'

/** Longest name of a person, family, agency or authority. */
export const MAX_NAME_LENGTH = 100
/** Longest short free-text answer (an address, a venue, how information is shared). */
export const MAX_TEXT_LENGTH = 500
/** Longest email address (RFC 5321). */
export const MAX_EMAIL_LENGTH = 254
/** Longest online meeting link. */
export const MAX_URL_LENGTH = 2000

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)

/** The id of a row: URL-safe, 1–64 characters (the same pattern as document names use). */
export const Id = z
  .string({ error: 'Enter an id' })
  .regex(ID_PATTERN, 'An id must be 1 to 64 letters, digits, hyphens or underscores')

/** A server-set timestamp (`2026-03-05T09:30:00.000Z`). */
export const Timestamp = z.iso.datetime({ error: 'Timestamp must be an ISO 8601 date and time' })

/**
 * A required line of text, trimmed, 1–`max` characters. `enter` is the message for a missing value;
 * by default "Enter the <label>".
 */
export function requiredText(label: string, max: number, enter = `Enter the ${lowerFirst(label)}`) {
  return z
    .string({ error: enter })
    .trim()
    .min(1, enter)
    .max(max, `${label} must be ${max} characters or fewer`)
}

/** An optional line of text: missing, null and blank all become null. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null))
}

/**
 * A real calendar date written `YYYY-MM-DD` (2026-02-30 is refused). Messages: "Enter the <label>",
 * "<Label> must be a date like 2026-03-27", "<Label> must be a real date".
 */
export function isoDate(label: string, enter = `Enter the ${lowerFirst(label)}`) {
  return z.string({ error: enter }).superRefine((value, ctx) => {
    if (value.trim() === '') ctx.addIssue({ code: 'custom', message: enter })
    else if (!hasIsoDateShape(value)) ctx.addIssue({ code: 'custom', message: `${label} must be a date like 2026-03-27` })
    else if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', message: `${label} must be a real date` })
  })
}

/** An optional date: missing, null and blank become null; otherwise as `isoDate`. */
export function optionalIsoDate(label: string) {
  return z
    .union([z.literal(''), isoDate(label)], { error: `${label} must be a real date` })
    .nullish()
    .transform((v) => (v ? v : null))
}

const TIME_SHAPE = /^(\d{2}):(\d{2})$/

/** A time of day written `HH:MM` on the 24-hour clock (00:00–23:59). */
export function timeOfDay(label: string, enter = `Enter the ${lowerFirst(label)}`) {
  return z.string({ error: enter }).superRefine((value, ctx) => {
    const m = TIME_SHAPE.exec(value.trim())
    if (value.trim() === '') ctx.addIssue({ code: 'custom', message: enter })
    else if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || value !== value.trim()) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a real time, like 09:30 or 14:00` })
    }
  })
}

const EMAIL_MESSAGE = 'Enter an email address in the correct format, like name@example.com'

/** An optional email address; blank becomes null. */
export const OptionalEmail = z
  .string({ error: EMAIL_MESSAGE })
  .trim()
  .max(MAX_EMAIL_LENGTH, `Email address must be ${MAX_EMAIL_LENGTH} characters or fewer`)
  .refine((v) => v === '' || z.regexes.email.test(v), EMAIL_MESSAGE)
  .nullish()
  .transform((v) => (v ? v : null))

const PHONE_MESSAGE = 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'
const PHONE_SHAPE = /^\+?[0-9 ()-]+$/

/** An optional UK or international telephone number (digits, spaces, brackets, dashes, leading +). */
export const OptionalPhone = z
  .string({ error: PHONE_MESSAGE })
  .trim()
  .max(30, PHONE_MESSAGE)
  .refine((v) => {
    if (v === '') return true
    const digits = v.replace(/\D/g, '').length
    return PHONE_SHAPE.test(v) && digits >= 6 && digits <= 15
  }, PHONE_MESSAGE)
  .nullish()
  .transform((v) => (v ? v : null))

/** True for an absolute `https:` URL. */
function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}

const LINK_MESSAGE = 'Enter the online meeting link, starting with https://'

/** An optional online meeting link (https only); blank becomes null. */
export const OptionalMeetingLink = z
  .string({ error: LINK_MESSAGE })
  .trim()
  .max(MAX_URL_LENGTH, `Online meeting link must be ${MAX_URL_LENGTH} characters or fewer`)
  .refine((v) => v === '' || isHttpsUrl(v), LINK_MESSAGE)
  .nullish()
  .transform((v) => (v ? v : null))
