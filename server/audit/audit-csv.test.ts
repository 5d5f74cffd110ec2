import { describe, expect, it } from 'vitest'
import { auditCsv, csvCell, toCsv } from './audit-csv.ts'

describe('csvCell', () => {
  it('quotes per RFC 4180 only when it must', () => {
    expect(csvCell('Tom Ellis')).toBe('Tom Ellis')
    expect(csvCell('Ellis, Tom')).toBe('"Ellis, Tom"')
    expect(csvCell('the item “Purpose”')).toBe('the item “Purpose”')
    expect(csvCell('say "hello"')).toBe('"say ""hello"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(42)).toBe('42')
  })

  it('neutralises spreadsheet formulas with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('a=b')).toBe('a=b')
  })
})

describe('toCsv and auditCsv', () => {
  it('ends every line with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c,d', null]])).toBe('a,b\r\n"c,d",\r\n')
  })

  it('writes the words, then the ids', () => {
    const csv = auditCsv([
      {
        seq: 1,
        at: '2026-12-16T10:03:12.000Z',
        event: 'lock',
        authorityId: 'auth_1',
        caseId: 'case_1',
        userId: 'u_sam',
        doc: 'meeting:meet_1',
        section: 'update:m_tom',
        detail: { reason: 'x' },
        when: '16 December 2026, 10:03:12',
        who: 'Sam Okafor',
        what: 'Locked the section',
        where: 'Tom Ellis’s update in the minutes of the first core group of 16 December 2026',
      },
    ])
    expect(csv.split('\r\n')).toEqual([
      'When (UK time),Who,What,Where,Event,Time (UTC),Account id,Document,Section,Detail',
      '"16 December 2026, 10:03:12",Sam Okafor,Locked the section,Tom Ellis’s update in the minutes of the first core group of 16 December 2026,lock,2026-12-16T10:03:12.000Z,u_sam,meeting:meet_1,update:m_tom,"{""reason"":""x""}"',
      '',
    ])
  })
})
