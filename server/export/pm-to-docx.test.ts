import { describe, expect, it } from 'vitest'
import { EDITOR_SCHEMA } from '../../schemas/content/editor-schema.ts'
import type { PmJson } from '../../schemas/api/version-view.ts'
import { docxParts, paragraphWith } from '../../test/support/docx-read.ts'
import { packDocx } from './docx-frame.ts'
import { DocxMapper } from './pm-to-docx.ts'

const text = (t: string, ...marks: Array<string | { type: string; attrs: Record<string, unknown> }>): PmJson => ({
  type: 'text',
  text: t,
  ...(marks.length > 0 ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) } : {}),
})
const p = (...content: PmJson[]): PmJson => ({ type: 'paragraph', content })
const li = (...content: PmJson[]): PmJson => ({ type: 'listItem', content })

/** One section using every node and mark of the editor schema (and an unknown node). */
const DOC: PmJson = {
  type: 'doc',
  content: [
    p(text('Plain paragraph words')),
    { type: 'heading', attrs: { level: 1 }, content: [text('Heading one words')] },
    { type: 'heading', attrs: { level: 2 }, content: [text('Heading two words')] },
    { type: 'blockquote', content: [p(text('Quoted words'))] },
    { type: 'bulletList', content: [li(p(text('Bullet item words')), { type: 'bulletList', content: [li(p(text('Nested bullet words')))] })] },
    { type: 'orderedList', attrs: { start: 1 }, content: [li(p(text('First numbered words')), p(text('Second paragraph of the item')))] },
    { type: 'orderedList', attrs: { start: 1 }, content: [li(p(text('Another list words')))] },
    { type: 'codeBlock', attrs: { language: null }, content: [text('code line one\ncode line two')] },
    { type: 'horizontalRule' },
    p(text('Before break'), { type: 'hardBreak' }, text('after break')),
    p(text('Bold words', 'bold'), text(' Italic words', 'italic'), text(' Underlined words', 'underline'), text(' Struck words', 'strike'), text(' Code words', 'code')),
    p(text('Link words', { type: 'link', attrs: { href: 'https://example.test/plan' } })),
    p(text('Bad link words', { type: 'link', attrs: { href: 'javascript:alert(1)' } })),
    { type: 'mystery', content: [text('Unknown node words')] },
  ],
}

function collectTypes(node: PmJson, nodes: Set<string>, marks: Set<string>): void {
  nodes.add(node.type)
  for (const m of node.marks ?? []) marks.add(m.type)
  for (const c of node.content ?? []) collectTypes(c, nodes, marks)
}

async function packed(): Promise<Buffer> {
  return packDocx({ title: 'Test', familyName: 'Fictional', versionLabel: 'Version 1', draft: false, copyLabel: 'Professional copy', at: new Date('2027-01-13T10:00:00Z') }, new DocxMapper().blocks(DOC))
}

describe('ProseMirror JSON → docx', () => {
  it('the fixture uses every node and mark of the editor schema', () => {
    const nodes = new Set<string>()
    const marks = new Set<string>()
    collectTypes(DOC, nodes, marks)
    for (const name of Object.keys(EDITOR_SCHEMA.nodes)) expect(nodes, name).toContain(name)
    for (const name of Object.keys(EDITOR_SCHEMA.marks)) expect(marks, name).toContain(name)
  })

  it('maps each node', async () => {
    const bytes = await packed()
    expect(paragraphWith(bytes, 'Plain paragraph words').xml).not.toContain('<w:pStyle')
    expect(paragraphWith(bytes, 'Heading one words').xml).toContain('<w:pStyle w:val="Heading3"/>')
    expect(paragraphWith(bytes, 'Heading two words').xml).toContain('<w:pStyle w:val="Heading4"/>')
    const quote = paragraphWith(bytes, 'Quoted words').xml
    expect(quote).toMatch(/<w:ind w:left="720"\/>/)
    expect(quote).toMatch(/<w:pBdr><w:left /)
    const bullet = paragraphWith(bytes, 'Bullet item words').xml
    expect(bullet).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/)
    expect(paragraphWith(bytes, 'Nested bullet words').xml).toMatch(/<w:ilvl w:val="1"\/>/)
    const first = /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(bytes, 'First numbered words').xml)?.[1]
    const another = /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(bytes, 'Another list words').xml)?.[1]
    const bulletId = /<w:numId w:val="(\d+)"\/>/.exec(bullet)?.[1]
    expect(first).toBeDefined()
    // Each ordered list is a list of its own (counts from 1), and neither is the bullet list.
    expect(new Set([first, another, bulletId]).size).toBe(3)
    const second = paragraphWith(bytes, 'Second paragraph of the item').xml
    expect(second).not.toContain('<w:numPr>')
    expect(second).toMatch(/<w:ind w:left="720"\/>/)
    for (const line of ['code line one', 'code line two']) {
      const code = paragraphWith(bytes, line).xml
      expect(code).toContain('w:ascii="Courier New"')
      expect(code).toContain('<w:shd ')
    }
    const rule = paragraphs(bytes).find((x) => x.text === '' && x.xml.includes('<w:bottom '))
    expect(rule).toBeDefined()
    const broken = paragraphWith(bytes, 'Before break').xml
    expect(broken).toContain('<w:br/>')
    expect(paragraphWith(bytes, 'after break').text).toBe('Before breakafter break')
    expect(paragraphWith(bytes, 'Unknown node words').text).toBe('Unknown node words')
  })

  it('maps each mark', async () => {
    const bytes = await packed()
    const run = (words: string) => {
      const xml = paragraphWith(bytes, words).xml
      const m = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].find((r) => r[1]!.includes(`>${words}<`) || r[1]!.includes(`> ${words}<`))
      if (!m) throw new Error(`no run with ${words}`)
      return m[1]!
    }
    expect(run('Bold words')).toContain('<w:b/>')
    expect(run('Bold words')).not.toContain('<w:i/>')
    expect(run('Italic words')).toContain('<w:i/>')
    expect(run('Underlined words')).toContain('<w:u w:val="single"/>')
    expect(run('Struck words')).toContain('<w:strike/>')
    expect(run('Code words')).toContain('w:ascii="Courier New"')
    const link = paragraphWith(bytes, 'Link words').xml
    const rel = /<w:hyperlink[^>]*r:id="([^"]+)"/.exec(link)?.[1]
    expect(rel).toBeDefined()
    const rels = docxParts(bytes).get('word/_rels/document.xml.rels') ?? ''
    expect(rels).toMatch(new RegExp(`Id="${rel}"[^>]*Target="https://example.test/plan"[^>]*TargetMode="External"|Target="https://example.test/plan"[^>]*Id="${rel}"`))
    // A scheme the schema does not allow is never a link; its words stay.
    expect(paragraphWith(bytes, 'Bad link words').xml).not.toContain('<w:hyperlink')
    expect(rels).not.toContain('javascript:')
  })

  it('packs the same bytes twice (zip times, core properties and link ids fixed)', async () => {
    const a = await packed()
    const b = await packed()
    expect(Buffer.compare(a, b)).toBe(0)
    expect(docxParts(a).get('docProps/core.xml')).toContain('2027-01-13T10:00:00Z')
  })
})

function paragraphs(bytes: Buffer) {
  return [...(docxParts(bytes).get('word/document.xml') ?? '').matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({ xml: m[0], text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }))
}
