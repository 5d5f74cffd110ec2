/**
 * What a link typed in the toolbar may point to, as the shared schema allows it (http, https, mailto,
 * tel): a bare address gets `https://`, an email address `mailto:`, a phone number `tel:`.
 * @module
 */
const ALLOWED = /^(https?:\/\/|mailto:|tel:)/i

export function safeLinkHref(input: string): string | null {
  const text = input.trim()
  if (/^\+?[0-9][0-9 ()-]{5,}$/.test(text)) return `tel:${text.replace(/[^0-9+]/g, '')}`
  if (text === '' || /\s/.test(text)) return null
  if (ALLOWED.test(text)) return validUrl(text)
  if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(text)) return `mailto:${text}`
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return null
  return validUrl(`https://${text}`)
}

function validUrl(text: string): string | null {
  try {
    const url = new URL(text)
    return ALLOWED.test(url.href) ? text : null
  } catch {
    return null
  }
}
