import { addInterval } from '../../shared/calendar'
import { localDate } from '../../shared/dates'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { followWrite, type ApiContext } from '../context'
import { readSettings } from '../ledger/settings'
import { writeContextAt } from '../ledger/write-context'
import type { DesktopNotification } from '../platform/platform'
import { emptyTrash } from './erase'
import { pastReviewCount } from './review'
import { scrubIfPending } from './scrub'

/**
 * The daily privacy round, with the reminders (db/followups/reminders.ts): the trash empties itself
 * of whoever has been in it longer than her setting, a rewrite of the file an erase left pending is
 * done (scrub.ts), and a notification says how many residents are past the bewaartermijn (a count,
 * never a name: it can show on a locked screen). Nothing else happens to anyone without her
 * decision.
 */
export async function privacyRound(
  ctx: ApiContext,
): Promise<{ erased: number; notification?: DesktopNotification }> {
  const now = ctx.platform.now()
  const today = localDate(now)
  const { trashDays } = await readSettings(ctx.store.db)
  const before = new Date(`${addInterval(today, { count: -trashDays, unit: 'day' })}T00:00:00Z`)
  const emptied = await emptyTrash(
    ctx.store,
    await writeContextAt(ctx.store.db, now),
    before.toISOString(),
  )
  await followWrite(ctx, emptied.touched)
  if (emptied.value.count > 0) ctx.log.info('privacy.trashEmptied', { count: emptied.value.count })
  // An erase in a large ledger left the rewrite of the file for now.
  await scrubIfPending(ctx.store, ctx.log)

  const past = await pastReviewCount(ctx.store.db, today)
  if (past === 0) return { erased: emptied.value.count }
  const notification: DesktopNotification = {
    title: translate(nl, 'reminder.title'),
    body: translate(nl, `privacy.notification_${past === 1 ? 'one' : 'other'}`, { count: past }),
    onClick: () => {
      ctx.pendingView = 'privacy'
    },
  }
  ctx.platform.notify(notification)
  return { erased: emptied.value.count, notification }
}
