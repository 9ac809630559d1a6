import { formatDate } from '../../shared/dates'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { displayName } from '../../shared/person'
import { escapeHtml as escape, printDocument } from '../platform/html'
import type { Inzage } from '../../shared/privacy'

/**
 * The inzage as one self-contained A4 document in plain Dutch, for printing to PDF: what the ledger
 * holds about him, section by section, each date written out. No script, nothing to fetch.
 */

const t = (name: string, values?: Record<string, string | number>) => translate(nl, name, values)

const style = `
@page { size: A4; margin: 16mm 16mm 18mm; }
body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 10pt; color: #1d2329; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #d5dbe0; padding-bottom: 2pt; }
p { margin: 0 0 5pt; }
.muted { color: #4a545e; }
dl { display: grid; grid-template-columns: 40mm 1fr; gap: 2pt 8pt; margin: 0; }
dt { color: #4a545e; }
dd { margin: 0; white-space: pre-wrap; }
ul { margin: 0; padding-left: 14pt; }
li { margin-bottom: 4pt; break-inside: avoid; white-space: pre-wrap; }
`

const date = (iso: string | null | undefined) => (iso ? formatDate(iso.slice(0, 10)) : '')

function fields(pairs: [string, string | null | undefined][]): string {
  const shown = pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
  if (shown.length === 0) return `<p class="muted">${escape(t('inzage.nothing'))}</p>`
  return `<dl>${shown.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value!)}</dd>`).join('')}</dl>`
}

function list(items: string[]): string {
  if (items.length === 0) return `<p class="muted">${escape(t('inzage.nothing'))}</p>`
  return `<ul>${items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`
}

const line = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ')

const section = (title: string, body: string) =>
  `<section><h2>${escape(title)}</h2>${body}</section>`

export function inzageDocument(inzage: Inzage): string {
  const p = inzage.person
  const f = (name: string) => t(`fields.${name}`)
  const name = displayName(p)
  return printDocument({
    title: t('inzage.title'),
    style,
    body: `<h1>${escape(t('inzage.heading', { name }))}</h1>
<p class="muted">${escape(t('inzage.intro', { date: date(inzage.madeOn) }))}</p>
${section(
  t('inzage.sections.person'),
  fields([
    [f('firstName'), p.firstName],
    [f('tussenvoegsel'), p.tussenvoegsel],
    [f('lastName'), p.lastName],
    [f('nickname'), p.nickname],
    [f('street'), line(p.street, p.houseNumber)],
    [f('postcode'), p.postcode],
    [f('wijk'), p.wijk],
    [f('phone'), p.phone],
    [f('email'), p.email],
    [f('wish'), p.wish],
    [f('strength'), p.strength],
    [f('need'), p.need],
    [f('note'), p.note],
    [f('availabilityNote'), p.availabilityNote],
    [f('availableFrom'), date(p.availableFrom)],
    [f('metChannel'), p.metChannel && t(`channel.${p.metChannel}`)],
    [f('referredBy'), p.referredBy],
    [f('firstMetOn'), date(p.firstMetOn)],
    [f('ageBand'), p.ageBand && t(`ageBand.${p.ageBand}`)],
    [t('inzage.inLedgerSince'), date(p.createdAt)],
    [t('inzage.lastContact'), date(p.lastContactOn)],
    [t('inzage.inTrash'), date(p.deletedAt)],
  ]),
)}
${section(
  t('inzage.sections.tags'),
  list(inzage.tags.map((tag) => `${t(`tagKind.${tag.kind}`)}: ${tag.name}`)),
)}
${section(
  t('inzage.sections.consents'),
  list(
    inzage.consents.map((c) =>
      line(
        t(`privacy.purpose.${c.purpose}`),
        t(c.given ? 'privacy.given' : 'privacy.refused'),
        date(c.date),
        t(`privacy.how.${c.how}`),
        c.expiresOn && t('privacy.until', { date: date(c.expiresOn) }),
        c.words && `“${c.words}”`,
        c.recordedBy && t('inzage.recordedBy', { name: c.recordedBy }),
      ),
    ),
  ),
)}
${section(
  t('inzage.sections.moments'),
  list(
    inzage.moments.map((m) =>
      line(
        date(m.date),
        t(`channel.${m.channel}`),
        m.place,
        m.referredBy && `${t('moment.referredBy')}: ${m.referredBy}`,
        m.note,
        m.worker && t('inzage.by', { name: m.worker }),
      ),
    ),
  ),
)}
${section(
  t('inzage.sections.followUps'),
  list(
    inzage.followUps.map((u) =>
      line(
        date(u.dueOn),
        u.reason,
        t(`inzage.followUpStatus.${u.status}`),
        u.closedAt && date(u.closedAt),
        u.doneNote,
      ),
    ),
  ),
)}
${section(
  t('inzage.sections.connections'),
  list(
    inzage.connections.map((c) =>
      [
        line(c.with, date(c.date), c.status, c.note, c.stopReason),
        ...c.history.map((e) => `  ${line(date(e.date), e.status, e.reason, e.note)}`),
        ...c.outcomes.map(
          (o) =>
            `  ${line(
              date(o.date),
              ...(['going', 'metPeople', 'givesBack'] as const).map((question) => {
                const answer = o[question]
                return (
                  answer &&
                  `${t(`outcome.${question}`)} ${t(`report.outcomes.answer.${question}.${answer}`)}`
                )
              }),
            )}`,
        ),
      ].join('\n'),
    ),
  ),
)}
${section(
  t('inzage.sections.imports'),
  list(
    inzage.imports.map((i) =>
      [
        line(date(i.date), i.fileName, t(`inzage.importAction.${i.action}`)),
        ...(i.before
          ? [
              t('inzage.before'),
              ...Object.entries(i.before)
                .filter(([, value]) => value !== null && value !== '' && value !== 0)
                .map(([key, value]) => `  ${key}: ${String(value)}`),
            ]
          : []),
      ].join('\n'),
    ),
  ),
)}
${section(
  t('inzage.sections.stories'),
  list(
    inzage.reportStories.map((s) =>
      [line(date(s.at), s.fileName, s.period), ...s.sentences.map((x) => `“${x}”`)].join('\n'),
    ),
  ),
)}
${section(
  t('inzage.sections.linkedStories'),
  list(
    inzage.linkedStories.map((s) =>
      [line(s.title, t('inzage.storyExports', { count: s.exports })), s.text].join('\n'),
    ),
  ),
)}
${section(
  t('inzage.sections.log'),
  list(inzage.privacyLog.map((entry) => line(date(entry.at), t(`privacy.log.${entry.kind}`)))),
)}
<p class="muted">${escape(t('inzage.footer'))}</p>`,
  })
}
