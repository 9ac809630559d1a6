import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LockState } from '../../../shared/lock'
import { call, lockEvent, sprokkel } from '../ui/api'
import { LockScreen } from './LockScreen'
import { hasDrafts } from '../ui/drafts'
import { Sidebar } from './Sidebar'
import { NavigationContext, type Navigation, type Notice } from './navigation'
import { CaptureView } from '../capture/CaptureView'
import { ConnectView } from '../connect/ConnectView'
import { InitiativeView } from '../connect/InitiativeView'
import { ImportView } from '../import/ImportView'
import { PeopleView } from '../people/PeopleView'
import { PersonView } from '../people/PersonView'
import { PrivacyView } from '../privacy/PrivacyView'
import { SettingsView } from '../settings/SettingsView'
import { TodayView } from '../today/TodayView'
import { WelcomeView } from './WelcomeView'
import type { View } from './views'
import './shell.css'

// The report brings the charts (recharts): loaded when she first opens Verantwoording, so that the
// window that opens every morning does not wait for it.
const ReportView = lazy(() =>
  import('../report/ReportView').then((module) => ({ default: module.ReportView })),
)

/** Where she is: a view, and in Bewoners or Verbinden the person or initiative shown. */
interface Place {
  view: View
  id?: string | undefined
  notice?: Notice | undefined
}

/**
 * The app behind its lock: while locked only the lock screen is rendered, so no resident is in the
 * page at all; unlocking mounts the ledger afresh. The lock's state is read at start, every 15 s (so
 * the idle lock shows even when she does nothing), and whenever a call answers "locked".
 */
export function App() {
  const { t } = useTranslation()
  const [lock, setLock] = useState<LockState>()
  const refresh = useCallback(
    () =>
      void call(() => sprokkel().lock.state(), '').then((result) => {
        // The same answer every 15 s changes nothing: the ledger is not rendered again for it.
        if (result.ok) setLock((now) => (now && sameLock(now, result.value) ? now : result.value))
      }),
    [],
  )
  useEffect(() => {
    refresh()
    const timer = window.setInterval(refresh, 15_000)
    window.addEventListener(lockEvent, refresh)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener(lockEvent, refresh)
    }
  }, [refresh])
  if (!lock) return <p className="muted">{t('app.loading')}</p>
  if (lock.locked) return <LockScreen onUnlocked={setLock} />
  return <Ledger lockEnabled={lock.enabled} onLocked={setLock} />
}

const sameLock = (a: LockState, b: LockState) =>
  a.enabled === b.enabled && a.locked === b.locked && a.idleMinutes === b.idleMinutes

function Ledger({
  lockEnabled,
  onLocked,
}: {
  lockEnabled: boolean
  onLocked: (state: LockState) => void
}) {
  const { t } = useTranslation()
  // Undefined until she is known to be new (the welcome) or not (Vandaag): no flash of either.
  const [place, setPlace] = useState<Place>()
  // Bumped when follow-ups change, and on every move, so the sidebar's count stays right.
  const [revision, setRevision] = useState(0)
  const unsaved = useRef<boolean | 'kept'>(false)
  const [searchRequest, setSearchRequest] = useState(0)
  const searchHandled = useRef(0)

  const go = useCallback(
    (view: View, id?: string, notice?: Notice) => {
      if (unsaved.current === true && !window.confirm(t('person.unsaved'))) return
      unsaved.current = false
      setPlace({ view, id, notice })
      setRevision((n) => n + 1)
    },
    [t],
  )
  const navigation = useMemo<Navigation>(
    () => ({
      go,
      changed: () => setRevision((n) => n + 1),
      takeSearchFocus: () => {
        if (searchRequest <= searchHandled.current) return false
        searchHandled.current = searchRequest
        return true
      },
      setUnsaved: (value) => {
        unsaved.current = value
      },
    }),
    [go, searchRequest],
  )

  // On a first start she is greeted (her name, her wijken, her Excel list) instead of Vandaag.
  useEffect(() => {
    void call(() => sprokkel().app.welcome(), '').then((result) => {
      const first = result.ok && result.value.show ? 'welcome' : 'today'
      setPlace((now) => now ?? { view: first })
    })
  }, [])

  // A clicked notification brings the window forward: then go where it asked (Vandaag).
  useEffect(() => {
    const onFocus = () =>
      void call(() => sprokkel().app.takeNavigation(), '').then((result) => {
        if (result.ok && result.value) go(result.value)
      })
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [go])

  // Ctrl+K (Cmd+K on a Mac) searches from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey)) return
      event.preventDefault()
      go('people')
      setSearchRequest((n) => n + 1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go])

  // Closing the window with unsaved changes asks too, and with a draft kept (Na de ronde).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved.current || hasDrafts()) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [])

  return (
    <NavigationContext value={navigation}>
      <div className="layout">
        <Sidebar
          current={place?.view}
          revision={revision}
          onSelect={(view) => go(view)}
          onLock={
            lockEnabled
              ? () =>
                  void call(() => sprokkel().lock.lock(), '').then((result) => {
                    if (result.ok) onLocked(result.value)
                  })
              : undefined
          }
        />
        <main className="content" id="main">
          {place ? <ViewFor place={place} /> : <p className="muted">{t('app.loading')}</p>}
        </main>
      </div>
    </NavigationContext>
  )
}

/** The view of a place in the app: one case per view, and the compiler says when one is missing. */
function ViewFor({ place }: { place: Place }) {
  const { t } = useTranslation()
  switch (place.view) {
    case 'today':
      return <TodayView />
    case 'people':
      return place.id ? (
        <PersonView key={place.id} personId={place.id} notice={place.notice} />
      ) : (
        <PeopleView notice={place.notice} />
      )
    case 'capture':
      return <CaptureView />
    case 'connect':
      return place.id ? <InitiativeView key={place.id} initiativeId={place.id} /> : <ConnectView />
    case 'report':
      return (
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          <ReportView />
        </Suspense>
      )
    case 'privacy':
      return <PrivacyView />
    case 'import':
      return <ImportView />
    case 'settings':
      return <SettingsView />
    case 'welcome':
      return <WelcomeView />
    default: {
      const unknown: never = place.view
      throw new Error(`no view ${String(unknown)}`)
    }
  }
}
