import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PeopleScope, PersonSummary } from '../../../shared/person'
import type { PeopleFilter } from '../../../shared/people-query'
import { call, sprokkel } from '../ui/api'

const pageSize = 200
const rowHeight = 64

/**
 * The whole list, however long: only the rows in view are in the page, and rows are read from the
 * store a page at a time as she scrolls to them (so 100,000 people scroll like 100).
 */
export function VirtualPeopleList({
  scope,
  filter,
  total,
  revision,
  selectable = false,
  renderRow,
}: {
  scope: PeopleScope
  filter: PeopleFilter
  total: number
  /** Changes after every write: the loaded pages are read again. */
  revision: number
  /** Each row starts with a tick box. */
  selectable?: boolean
  renderRow: (person: PersonSummary) => ReactNode
}) {
  const { t } = useTranslation()
  const scroller = useRef<HTMLDivElement>(null)
  const [pages, setPages] = useState<Map<number, PersonSummary[]>>(new Map())
  const requested = useRef(new Set<number>())

  // A new list (other scope, filter, or a change): forget what was loaded.
  useEffect(() => {
    requested.current = new Set()
    setPages(new Map())
  }, [scope, filter, revision])

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used as documented
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows[0]?.index ?? 0
  const last = rows.at(-1)?.index ?? 0

  useEffect(() => {
    for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) {
      if (requested.current.has(page)) continue
      requested.current.add(page)
      void call(
        () => sprokkel().people.list({ scope, filter, limit: pageSize, offset: page * pageSize }),
        '',
      ).then((result) => {
        if (result.ok) setPages((loaded) => new Map(loaded).set(page, result.value.items))
      })
    }
  }, [first, last, scope, filter, pages])

  return (
    <div ref={scroller} className="virtual-scroll">
      <ul
        className="people-list virtual"
        aria-label={t('people.listLabel')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const person = pages.get(Math.floor(row.index / pageSize))?.[row.index % pageSize]
          return (
            <li
              key={row.key}
              className={selectable ? 'person-row selectable' : 'person-row'}
              aria-setsize={total}
              aria-posinset={row.index + 1}
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
            >
              {person ? renderRow(person) : <span className="muted">{t('people.loading')}</span>}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
