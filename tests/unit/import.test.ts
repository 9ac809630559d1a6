import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import {
  parseAvailability,
  parseDutchDate,
  parsePhone,
  parsePostcode,
  splitTags,
} from '../../db/import/cells'
import { describeColumns, findHeaderRow, suggestTarget } from '../../db/import/mapping'
import { splitAddress, splitDutchName } from '../../db/import/names'
import { decode, detectEncoding, detectSeparator } from '../../db/import/file/csv'

describe('parseDutchDate', () => {
  it.each([
    ['3-1-2024', '2024-01-03'],
    ['03-01-24', '2024-01-03'],
    ['3/1/2024', '2024-01-03'],
    ['3.1.2024', '2024-01-03'],
    ['31-12-99', '1999-12-31'],
    ['3 januari 2024', '2024-01-03'],
    ['3 jan. 2024', '2024-01-03'],
    ["3 jan '24", '2024-01-03'],
    ['wo 3 januari 2024', '2024-01-03'],
    ['3 maart 2024 14:30', '2024-03-03'],
    ['jan 2024', '2024-01-01'],
    ['Maart 2024', '2024-03-01'],
    ['mei 2024', '2024-05-01'],
    ['2024-01-03', '2024-01-03'],
    ['2024-01-03T00:00:00', '2024-01-03'],
    ['20240103', '2024-01-03'],
    ['45294', '2024-01-03'],
  ])('reads "%s" as %s', (text, date) => {
    expect(parseDutchDate(text)).toBe(date)
  })

  it('reads Excel dates and serial numbers', () => {
    expect(parseDutchDate(new Date(Date.UTC(2024, 0, 3)))).toBe('2024-01-03')
    expect(parseDutchDate(45294)).toBe('2024-01-03')
    expect(parseDutchDate(45352)).toBe('2024-03-01')
    // Leap day, and the last day of a month.
    expect(parseDutchDate(45351)).toBe('2024-02-29')
  })

  it.each(['31-4-2024', '29-2-2023', '3 smarch 2024', 'ergens in maart', '12', '3-1', '', 'ja'])(
    'refuses "%s"',
    (text) => {
      expect(parseDutchDate(text)).toBeUndefined()
    },
  )

  it('refuses numbers that are more likely amounts than dates', () => {
    expect(parseDutchDate(12)).toBeUndefined()
    expect(parseDutchDate(250_000)).toBeUndefined()
    expect(parseDutchDate(true)).toBeUndefined()
  })
})

describe('splitDutchName', () => {
  it.each([
    ['Jan de Vries', { firstName: 'Jan', tussenvoegsel: 'de', lastName: 'Vries' }],
    [
      'Anna Maria van der Berg-de Jong',
      { firstName: 'Anna Maria', tussenvoegsel: 'van der', lastName: 'Berg-de Jong' },
    ],
    ['Vries, Jan de', { firstName: 'Jan', tussenvoegsel: 'de', lastName: 'Vries' }],
    ['Vries de, Jan', { firstName: 'Jan', tussenvoegsel: 'de', lastName: 'Vries' }],
    ['Berg, J. van den', { firstName: 'J.', tussenvoegsel: 'van den', lastName: 'Berg' }],
    ["Kees van 't Hof", { firstName: 'Kees', tussenvoegsel: "van 't", lastName: 'Hof' }],
    ['Fatima el Amrani', { firstName: 'Fatima', tussenvoegsel: 'el', lastName: 'Amrani' }],
    ['Pieter Jansen', { firstName: 'Pieter', lastName: 'Jansen' }],
    ['Anna Maria Jansen', { firstName: 'Anna Maria', lastName: 'Jansen' }],
    // A title is no name: given apart (the import shows it and leaves it out).
    ['mevr. Jansen', { lastName: 'Jansen', title: 'mevr.' }],
    ['Dhr. de Wit', { tussenvoegsel: 'de', lastName: 'Wit', title: 'Dhr.' }],
    ['Dhr. Smit', { lastName: 'Smit', title: 'Dhr.' }],
    [
      'dr. Anna de Jong',
      { firstName: 'Anna', tussenvoegsel: 'de', lastName: 'Jong', title: 'dr.' },
    ],
    ['Mevr. van der Berg', { tussenvoegsel: 'van der', lastName: 'Berg', title: 'Mevr.' }],
    ['Smit, dhr.', { lastName: 'Smit', title: 'dhr.' }],
    // A suffix belongs to the last name; with none to go with, it is given apart.
    ['Piet de Boer jr.', { firstName: 'Piet', tussenvoegsel: 'de', lastName: 'Boer jr.' }],
    ['Kees Jansen Senior', { firstName: 'Kees', lastName: 'Jansen Senior' }],
    ['Boer jr., Piet de', { firstName: 'Piet', tussenvoegsel: 'de', lastName: 'Boer jr.' }],
    ['Piet jr.', { firstName: 'Piet', suffix: 'jr.' }],
    ['Saïda', { firstName: 'Saïda' }],
    ['  Jan   de  Vries ', { firstName: 'Jan', tussenvoegsel: 'de', lastName: 'Vries' }],
    // "De" as a first word is a name, not a particle (a first name is never a particle).
    ['Van Morrison', { firstName: 'Van', lastName: 'Morrison' }],
  ])('splits "%s"', (text, expected) => {
    expect(splitDutchName(text)).toEqual(expected)
  })
})

describe('splitAddress', () => {
  it.each([
    ['Kerkstraat 12a', { street: 'Kerkstraat', houseNumber: '12a' }],
    ['Kerkstraat 12 A', { street: 'Kerkstraat', houseNumber: '12 A' }],
    ['Molenweg 33-2', { street: 'Molenweg', houseNumber: '33-2' }],
    ['2e Helmersstraat 5 hs', { street: '2e Helmersstraat', houseNumber: '5 hs' }],
    ['Plein 1944 12', { street: 'Plein 1944', houseNumber: '12' }],
    [
      'Stationsplein 1, 3703 EF Amersfoort',
      { street: 'Stationsplein', houseNumber: '1', postcode: '3703 EF', rest: 'Amersfoort' },
    ],
    ['Dorpsstraat', { street: 'Dorpsstraat' }],
  ])('splits "%s"', (text, expected) => {
    expect(splitAddress(text)).toEqual(expected)
  })
})

describe('cells', () => {
  it('gives a phone number its leading 0 back', () => {
    expect(parsePhone(612345678)).toBe('0612345678')
    expect(parsePhone('612345678')).toBe('0612345678')
    expect(parsePhone('06-12345678')).toBe('06-12345678')
    expect(parsePhone('+31 6 2345 6789')).toBe('+31 6 2345 6789')
    expect(parsePhone('12345')).toBeUndefined()
  })

  it('normalises postcodes and refuses numbers without letters', () => {
    expect(parsePostcode('3701ab')).toBe('3701 AB')
    expect(parsePostcode(3701)).toBeUndefined()
  })

  it('splits several tags in one cell', () => {
    expect(splitTags('koken, naaien')).toEqual(['koken', 'naaien'])
    expect(splitTags('koken; naaien / tuinieren en wandelen')).toEqual([
      'koken',
      'naaien',
      'tuinieren',
      'wandelen',
    ])
    expect(splitTags('Koken, koken ,KOKEN')).toEqual(['Koken'])
    expect(splitTags('- fietsen\n- zwemmen.')).toEqual(['fietsen', 'zwemmen'])
    expect(splitTags(null)).toEqual([])
  })

  it('reads day parts from her words', () => {
    expect(parseAvailability('di middag, do ochtend')).toEqual(['tue-afternoon', 'thu-morning'])
    expect(parseAvailability('dinsdagmiddag')).toEqual(['tue-afternoon'])
    expect(parseAvailability('ma-wo ochtend')).toEqual([
      'mon-morning',
      'tue-morning',
      'wed-morning',
    ])
    expect(parseAvailability('woensdag')).toEqual(['wed-morning', 'wed-afternoon', 'wed-evening'])
    expect(parseAvailability("'s avonds")).toHaveLength(7)
    expect(parseAvailability('weekend')).toHaveLength(6)
    expect(parseAvailability('als het uitkomt')).toEqual([])
  })
})

describe('encoding and separator', () => {
  const text = 'Naam;Opmerking\r\nNoël;Betaalt € 5 voor de ‘koffie’ — “gezellig”\r\n'

  it('reads what Dutch Excel writes (Windows-1252), € and curly quotes included', () => {
    const bytes = iconv.encode(text, 'win1252')
    expect(detectEncoding(bytes)).toBe('windows-1252')
    expect(decode(bytes, 'windows-1252')).toBe(text)
  })

  it('reads UTF-8 with and without a BOM, and UTF-16', () => {
    const plain = Buffer.from(text, 'utf8')
    expect(detectEncoding(plain)).toBe('utf-8')
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain])
    expect(detectEncoding(bom)).toBe('utf-8')
    expect(decode(bom, 'utf-8')).toBe(text)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect(detectEncoding(utf16)).toBe('utf-16le')
    expect(decode(utf16, 'utf-16le')).toBe(text)
  })

  it('finds `;`, `,` and tab, even with the other two inside the cells', () => {
    expect(detectSeparator('Naam;Adres;Passie\nJan;Kerkstraat 1;koken, naaien\n')).toBe(';')
    expect(detectSeparator('Naam,Adres,Passie\nJan,Kerkstraat 1,"koken; naaien"\n')).toBe(',')
    expect(detectSeparator('Naam\tAdres\tPassie\nJan\tKerkstraat 1, Utrecht\tkoken\n')).toBe('\t')
    expect(detectSeparator('Titel van de lijst\n\nNaam;Adres\nJan;Kerkstraat\nAns;Dorp\n')).toBe(
      ';',
    )
  })
})

describe('columns', () => {
  it.each([
    ['Naam', 'fullName'],
    ['Voornaam', 'firstName'],
    ['Achternaam', 'lastName'],
    ['Tussenv.', 'tussenvoegsel'],
    ['Adres', 'address'],
    ['Straat', 'street'],
    ['Huisnr', 'houseNumber'],
    ['Postcode', 'postcode'],
    ['Wijk', 'wijk'],
    ['Tel', 'phone'],
    ['Telefoon', 'phone'],
    ['E-mail', 'email'],
    ['Passie', 'passions'],
    ['Talent', 'passions'],
    ["Hobby's", 'passions'],
    ['Wat wil', 'wish'],
    ['Wat kan', 'strength'],
    ['Nodig', 'need'],
    ['Beschikbaar', 'availability'],
    ['Opmerking', 'note'],
    ['Notitie', 'note'],
    ['Datum', 'contactDate'],
    ['Contact', 'contactDate'],
    ['Terugbellen', 'followUpOn'],
    ['Opvolgen', 'followUpOn'],
    ['Phone', 'phone'],
    ['First name', 'firstName'],
    ['Passie / talent', 'passions'],
    ['Telefoon:', 'phone'],
    ['Aangemeld door', 'referredBy'],
    ['Verwezen door', 'referredBy'],
  ])('suggests a field for "%s"', (header, target) => {
    expect(suggestTarget(header)).toBe(target)
  })

  it('suggests nothing for a header it does not know', () => {
    expect(suggestTarget('Schoenmaat')).toBeUndefined()
  })

  it('finds the header under a title and empty rows', () => {
    const rows = [
      ['Bewonerslijst 2024', 'Bewonerslijst 2024', 'Bewonerslijst 2024'],
      [],
      [null, 'bijgewerkt door Ans'],
      ['Naam', 'Tel', 'Opmerking'],
      ['Jan', '0612345678', null],
    ]
    expect(findHeaderRow(rows)).toBe(3)
  })

  it('names columns without a header, numbers doubles, and drops empty ones', () => {
    const rows = [
      ['Naam', 'Tel', 'Tel', null, null],
      ['Jan', '0612345678', '0301234567', null, 'heeft een hond'],
    ]
    expect(describeColumns(rows, 0)).toEqual([
      { index: 0, header: 'Naam', samples: ['Jan'], suggested: 'fullName' },
      { index: 1, header: 'Tel', samples: ['0612345678'], suggested: 'phone' },
      { index: 2, header: 'Tel (2)', samples: ['0301234567'], suggested: 'note' },
      { index: 4, header: 'Kolom E', samples: ['heeft een hond'], suggested: 'note' },
    ])
  })
})
