import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { LateGroup, LateGroupRef, LateImport, Settled } from '../../../shared/followups'
import { followUpPicks, type FollowUpPick } from '../../../shared/ledger'
import type { Result } from '../../../shared/result'
import { call, sprokkel } from '../ui/api'
import { ErrorBanner } from '../ui/FormFooter'
import { formatDate } from '../ui/options'
import { useLoad } from '../ui/useLoad'
import type { Notice } from '../shell/navigation'

type Settle = (action: 'move' | 'close', by: FollowUpPick) => Promise<Result<Settled>>

/**
 * After importing a list with old "terugbellen" dates, Vandaag would be full of late ones: each
 * import's late follow-ups can be moved or closed at once, instead of one by one.
 */
export function LateImports({
  imports,
  onSettled,
}: {
  imports: LateImport[]
  onSettled: (notice: Notice) => void
}) {
  const { t, i18n } = useTranslation()
  return imports.map((item) => (
    <SettleCard
      key={item.importId}
      title={t('today.lateImport.title', {
        count: item.count,
        file: item.fileName,
        date: formatDate(item.importedAt.slice(0, 10), i18n.language),
      })}
      explain={t('today.lateImport.explain')}
      count={item.count}
      confirmClose={t('today.lateImport.closeConfirm', { count: item.count })}
      settle={(action, by) =>
        sprokkel().followups.settleImport({
          importId: item.importId,
          action,
          ...(action === 'move' ? { by } : {}),
        })
      }
      onSettled={onSettled}
    />
  ))
}

/**
 * The late follow-ups of one wijk or one label at once ("alle te late van de moestuin"), when
 * there are two or more: the main side lists such groups.
 */
export function LateGroups({
  revision,
  onSettled,
}: {
  revision: number
  onSettled: (notice: Notice) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const groups: LateGroup[] =
    useLoad(() => sprokkel().followups.lateGroups(), [], revision).value ?? []
  const [chosen, setChosen] = useState('')
  const group = groups.find((g) => `${g.kind}:${g.id}` === chosen) ?? groups[0]
  if (!group) return null
  const ref: LateGroupRef = group.kind === 'wijk' ? { wijkId: group.id } : { tagId: group.id }
  return (
    <SettleCard
      title={t('today.lateGroup.title')}
      explain={t('today.lateGroup.explain')}
      count={group.count}
      confirmClose={t('today.lateGroup.closeConfirm', { count: group.count, name: group.name })}
      choose={
        <label className="field">
          <span>{t('today.lateGroup.group')}</span>
          <select
            id={`${id}-group`}
            value={`${group.kind}:${group.id}`}
            onChange={(event) => setChosen(event.target.value)}
          >
            {groups.map((g) => (
              <option key={`${g.kind}:${g.id}`} value={`${g.kind}:${g.id}`}>
                {t(`today.lateGroup.${g.kind}`, { name: g.name, count: g.count })}
              </option>
            ))}
          </select>
        </label>
      }
      settle={(action, by) =>
        sprokkel().followups.settleLate({
          group: ref,
          action,
          ...(action === 'move' ? { by } : {}),
        })
      }
      onSettled={onSettled}
    />
  )
}

function SettleCard({
  title,
  explain,
  count,
  confirmClose,
  choose,
  settle,
  onSettled,
}: {
  title: string
  explain: string
  count: number
  /** Asked before closing them: no contact took place. */
  confirmClose: string
  choose?: ReactNode
  settle: Settle
  onSettled: (notice: Notice) => void
}) {
  const { t } = useTranslation()
  const titleId = useId()
  const [pick, setPick] = useState<FollowUpPick>('1w')
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)

  const run = async (action: 'move' | 'close') => {
    if (action === 'close' && !window.confirm(confirmClose)) return
    setBusy(true)
    const result = await call(() => settle(action, pick), t('errors.unreachable'))
    setBusy(false)
    if (!result.ok) return setFailure(result.error.message)
    const { undoId } = result.value
    onSettled({
      message: t(action === 'move' ? 'today.lateImport.moved' : 'today.lateImport.closed', {
        count: result.value.count,
      }),
      ...(undoId
        ? {
            undo: async () => {
              await call(() => sprokkel().bulk.undo({ id: undoId }), t('errors.unreachable'))
            },
          }
        : {}),
    })
  }

  return (
    <section className="card late-import" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p className="muted">{explain}</p>
      <div className="inline-form">
        {choose}
        <label className="field">
          <span>{t('today.lateImport.moveBy')}</span>
          <select value={pick} onChange={(event) => setPick(event.target.value as FollowUpPick)}>
            {followUpPicks.map((option) => (
              <option key={option} value={option}>
                {t(`followUp.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => void run('move')}>
          {t('today.lateImport.move', { count })}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void run('close')}
        >
          {t('today.lateImport.close', { count })}
        </button>
      </div>
      <ErrorBanner message={failure} />
    </section>
  )
}
