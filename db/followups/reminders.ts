import { localDate } from '../../shared/dates'
import type { DueSummary } from '../../shared/followups'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { nextAt } from '../../shared/zoned'
import type { ApiContext } from '../context'
import { dueSummary } from './followups'
import type { DesktopNotification } from '../platform/platform'
import { readSettings } from '../ledger/settings'
import { privacyRound } from '../privacy/round'

/**
 * "3 opvolgingen voor vandaag, 2 te laat": counts only. A notification can show on a locked
 * screen, so it never names a resident. Nothing due, no notification.
 */
export function dueMessage(summary: DueSummary): Omit<DesktopNotification, 'onClick'> | undefined {
  const parts = [
    summary.today > 0 &&
      translate(nl, `reminder.today_${summary.today === 1 ? 'one' : 'other'}`, {
        count: summary.today,
      }),
    summary.overdue > 0 && translate(nl, `reminder.overdue`, { count: summary.overdue }),
  ].filter(Boolean)
  if (parts.length === 0) return undefined
  return { title: translate(nl, 'reminder.title'), body: parts.join(', ') }
}

/** Tells her what is due, if anything; clicking the notification opens Vandaag. */
export async function notifyDue(ctx: ApiContext): Promise<DesktopNotification | undefined> {
  const message = dueMessage(await dueSummary(ctx.store.db, localDate(ctx.platform.now())))
  if (!message) return undefined
  const notification: DesktopNotification = {
    ...message,
    onClick: () => {
      ctx.pendingView = 'today'
    },
  }
  ctx.platform.notify(notification)
  return notification
}

type Timer = ReturnType<typeof setTimeout>

/**
 * When the app starts, and every day at her chosen time (default 09:00) while it runs. Timers come
 * in as a parameter so that nothing here needs a real clock to be tested.
 */
export function startReminders(
  ctx: ApiContext,
  timers: { set: (run: () => void, ms: number) => Timer; clear: (timer: Timer) => void } = {
    set: (run, ms) => setTimeout(run, ms),
    clear: (timer) => clearTimeout(timer),
  },
): { stop(): void } {
  let timer: Timer | undefined
  let stopped = false
  const schedule = async () => {
    const { reminderTime } = await readSettings(ctx.store.db)
    if (stopped) return
    const now = ctx.platform.now()
    timer = timers.set(() => void run(), nextAt(now, reminderTime).getTime() - now.getTime())
  }
  const run = async () => {
    await notifyDue(ctx).catch(() => undefined)
    await privacyRound(ctx).catch((error: unknown) => ctx.log.error('privacy.round', error))
    await schedule()
  }
  void run()
  return {
    stop: () => {
      stopped = true
      if (timer) timers.clear(timer)
    },
  }
}
