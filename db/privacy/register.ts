import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import { formatDate } from '../../shared/dates'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { registerSections, type RegisterView } from '../../shared/privacy'
import type { AppInfo } from '../../shared/contract'
import { readSettings } from '../ledger/settings'
import { backupFacts } from '../backup/backups'
import type { Platform } from '../platform/platform'
import { escapeHtml as escape, printDocument } from '../platform/html'
import { savePdf } from '../platform/save'
import type { Database } from '../store/schema'

/**
 * The verwerkingsregister her organisation's privacy officer reads: filled from her settings and the
 * store's facts (shared/privacy.ts words it), on a page and as a PDF.
 */
export async function registerView(
  db: Kysely<Database>,
  info: Pick<AppInfo, 'encrypted' | 'keyProtection'>,
  today: string,
): Promise<RegisterView> {
  const settings = await readSettings(db)
  const { count } = await db
    .selectFrom('person')
    .where('anonymised_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return {
    organisation: settings.organisation,
    worker: settings.workerName,
    retentionMonths: settings.retentionMonths,
    consentYears: settings.consentYears,
    trashDays: settings.trashDays,
    people: count,
    madeOn: today,
    encrypted: info.encrypted,
    keyProtection: info.keyProtection,
    backups: await backupFacts(db),
  }
}

const style = `
@page { size: A4; margin: 18mm 18mm 20mm; }
body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 10pt; color: #1d2329; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 12pt 0 3pt; }
p { margin: 0 0 4pt; }
.muted { color: #4a545e; }
section { break-inside: avoid; }
`

export function registerDocument(view: RegisterView): string {
  const t = (key: string, values?: Record<string, string | number>) => translate(nl, key, values)
  const sections = registerSections(view, t)
    .map(
      (s) =>
        `<section><h2>${escape(s.title)}</h2>${s.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</section>`,
    )
    .join('\n')
  return printDocument({
    title: t('register.title'),
    style,
    body: `<h1>${escape(t('register.title'))}</h1>
<p class="muted">${escape(t('register.madeOn', { date: formatDate(view.madeOn) }))}</p>
${sections}`,
  })
}

/** The register as a PDF where she chooses; null when she cancels. */
export async function exportRegister(
  db: Kysely<Database>,
  platform: Platform,
  info: Pick<AppInfo, 'encrypted' | 'keyProtection'>,
  today: string,
): Promise<{ fileName: string } | null> {
  const view = await registerView(db, info, today)
  const path = await savePdf(
    platform,
    translate(nl, 'register.saveTitle'),
    `verwerkingsregister-${today}.pdf`,
    () => registerDocument(view),
  )
  if (!path) return null
  return { fileName: basename(path) }
}
