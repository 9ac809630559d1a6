import { crc32, deflateRawSync } from 'node:zlib'

/**
 * A zip made by hand, part by part: the shape of an .xlsx, or of a file made to break one (a part
 * that inflates far past what it claims, a value in the last cell). `size` may lie on purpose.
 */
export interface ZipPart {
  name: string
  data: Buffer | string
  /** The uncompressed size written in the headers; the real one unless a test lies. */
  claimedSize?: number
}

export function makeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data
    const compressed = deflateRawSync(data, { level: 9 })
    const name = Buffer.from(part.name, 'utf8')
    const crc = crc32(data)
    const size = part.claimedSize ?? data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, compressed)
    centrals.push(central, name)
    offset += local.length + name.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

export interface SheetXml {
  name: string
  /** The `<sheetData>` content, or a function that yields it piece by piece (a huge sheet). */
  rows: string | (() => Iterable<string>)
  hidden?: boolean
}

/**
 * A minimal workbook as Excel writes one: the parts and relations, the sheets' XML as given and,
 * when given, a sharedStrings part (its `<si>` items) and a styles part (its `<cellXfs>`).
 */
export function makeXlsx(
  sheets: readonly SheetXml[],
  {
    sharedStrings,
    sharedStringsSize,
    cellXfs,
    numFmts,
    date1904,
  }: {
    sharedStrings?: string | Buffer
    sharedStringsSize?: number
    cellXfs?: string
    numFmts?: string
    /** Dates count from 1904, as old Excel for Mac wrote them. */
    date1904?: boolean
  } = {},
): Buffer {
  const sheetParts: ZipPart[] = sheets.map((sheet, i) => {
    const rows = typeof sheet.rows === 'string' ? sheet.rows : [...sheet.rows()].join('')
    return {
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `${xmlHead}<worksheet xmlns="${main}"><sheetData>${rows}</sheetData></worksheet>`,
    }
  })
  const links = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  )
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `${xmlHead}<workbook xmlns="${main}" xmlns:r="${rel}">${date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
        .map(
          (sheet, i) =>
            `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    },
  ]
  if (sharedStrings !== undefined) {
    links.push(`<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`)
    parts.push({
      name: 'xl/sharedStrings.xml',
      data:
        typeof sharedStrings === 'string'
          ? `${xmlHead}<sst xmlns="${main}">${sharedStrings}</sst>`
          : sharedStrings,
      ...(sharedStringsSize !== undefined ? { claimedSize: sharedStringsSize } : {}),
    })
  }
  if (cellXfs !== undefined) {
    links.push(`<Relationship Id="rIdT" Type="${rel}/styles" Target="styles.xml"/>`)
    parts.push({
      name: 'xl/styles.xml',
      data: `${xmlHead}<styleSheet xmlns="${main}">${numFmts ? `<numFmts>${numFmts}</numFmts>` : ''}<cellXfs>${cellXfs}</cellXfs></styleSheet>`,
    })
  }
  parts.push({
    name: 'xl/_rels/workbook.xml.rels',
    data: `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links.join('')}</Relationships>`,
  })
  return makeZip([...parts, ...sheetParts])
}

/** An inline-string cell, escaped. */
export const inlineCell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`
