import { newPersonSchema, type NewPerson } from '../../shared/person'

/** mulberry32: a small seeded generator, so every run builds the very same ledger. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const firstNames = [
  'Jan',
  'Ans',
  'Fatima',
  'Mohamed',
  'Kees',
  'Ingrid',
  'Ayşe',
  'Mehmet',
  'Sanne',
  'Pieter',
  'Noor',
  'Youssef',
  'Wilhelmina',
  'Gerrit',
  'Khadija',
  'Emre',
  'Marieke',
  'Henk',
  'Zeynep',
  'Daan',
  'Els',
  'Hamza',
  'Joke',
  'Bram',
  'Saïda',
  'Thijs',
  'Anouk',
  'Ömer',
  'Lotte',
  'Rachid',
]
const tussenvoegsels = ['', '', '', '', 'de', 'van', 'van der', 'van den', 'el', "van 't", 'ter']
const lastNames = [
  'Vries',
  'Jansen',
  'Bakker',
  'Amrani',
  'Yılmaz',
  'Visser',
  'Smit',
  'Meijer',
  'Bulut',
  'Mulder',
  'Bos',
  'Haddouchi',
  'Dijk',
  'Kaya',
  'Berg',
  'Boukhari',
  'Dekker',
  'Brink',
  'Öztürk',
  'Veen',
]
export const passions = [
  'Koken',
  'Tuinieren',
  'Voetbal',
  'Fietsen repareren',
  'Naaien',
  'Wandelen',
  'Schilderen',
  'Muziek maken',
  'Breien',
  'Computers',
  'Voorlezen',
  'Dansen',
  'Klussen',
  'Fotografie',
  'Kunstgeschiedenis',
  'Schaken',
  'Zingen',
  'Bakken',
  'Vissen',
  'Taalles geven',
]
export const wijken = [
  'Kerckebosch',
  'Hoge Dennen',
  'Vollenhove',
  'Griffensteyn',
  'Centrum',
  'Noord',
]
const notes = [
  'Wil graag koken voor de buurt.',
  'Oud-voetbaltrainer, zoekt iets om handen na zijn pensioen.',
  'Repareert fietsen bij de Boulevard.',
  'Zoekt gezelschap, wandelt graag op dinsdagochtend.',
  'Kunsthistoricus, zou een lezing willen geven.',
  '',
]

/** One of `list`, drawn with `random`. */
export const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!

/** A deterministic ledger of `count` residents with Dutch, Turkish and Moroccan Dutch names. */
export function* syntheticPeople(count: number, seed = 1): Generator<NewPerson> {
  const random = seededRandom(seed)
  for (let i = 0; i < count; i++) {
    const tussenvoegsel = pick(random, tussenvoegsels)
    const note = pick(random, notes)
    yield newPersonSchema.parse({
      firstName: pick(random, firstNames),
      lastName: pick(random, lastNames),
      wijk: pick(random, wijken),
      street: pick(random, ['Kerkstraat', 'Boulevard', 'Dorpsweg', 'Laan van Vollenhove']),
      houseNumber: String(1 + Math.floor(random() * 200)),
      tussenvoegsel,
      note,
      tags: [0, 1, 2].map(() => ({ kind: 'passion' as const, name: pick(random, passions) })),
      moment: { date: '2026-03-02', channel: 'portiek' as const, note: 'Praatje na de ronde' },
    })
  }
}
