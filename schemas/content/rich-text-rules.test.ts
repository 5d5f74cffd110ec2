import { describe, expect, it } from 'vitest'
import { EDITOR_SCHEMA, rulesOf } from './editor-schema.ts'
import { RICH_TEXT_RULES, ROOT_NODE } from './rich-text-rules.ts'

const plain = (m: ReadonlyMap<string, ReadonlySet<string>>) => Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort()]))

describe('the rich-text rules the server checks updates against', () => {
  it('are exactly what the editor schema allows: the nodes, their children, node and mark attributes', () => {
    const derived = rulesOf(EDITOR_SCHEMA)
    expect(plain(RICH_TEXT_RULES.children)).toEqual(plain(derived.children))
    expect(plain(RICH_TEXT_RULES.nodeAttrs)).toEqual(plain(derived.nodeAttrs))
    expect(plain(RICH_TEXT_RULES.markAttrs)).toEqual(plain(derived.markAttrs))
    expect(ROOT_NODE).toBe(EDITOR_SCHEMA.topNodeType.name)
  })
})
