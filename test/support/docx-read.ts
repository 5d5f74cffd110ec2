/**
 * Reading a DOCX back in tests: its parts (unzipped), `word/document.xml`'s paragraphs with their text,
 * and the text as mammoth (a real DOCX parser) reads it.
 */
import mammoth from 'mammoth'
import { readZip } from '../../server/export/stable-zip.ts'

/** Every part of the package, by name. */
export function docxParts(bytes: Buffer): Map<string, string> {
  return new Map(readZip(bytes).map((e) => [e.name, e.data.toString('utf8')]))
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The paragraphs of a part's XML: each one's raw XML and its text. */
export function paragraphs(xml: string): Array<{ xml: string; text: string }> {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    text: decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }))
}

/** The one paragraph of `word/document.xml` whose text contains `needle`. */
export function paragraphWith(bytes: Buffer, needle: string): { xml: string; text: string } {
  const found = paragraphs(docxParts(bytes).get('word/document.xml') ?? '').filter((p) => p.text.includes(needle))
  if (found.length !== 1) throw new Error(`expected one paragraph with "${needle}", found ${found.length}`)
  return found[0]!
}

/** The document's text as mammoth reads it. */
export async function docxText(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value
}

/** The document as mammoth's HTML (tables as <table>, lists as <ul>/<ol>). */
export async function docxHtml(bytes: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: bytes })).value
}
