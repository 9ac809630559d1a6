import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type ReactNode } from 'react'

/**
 * A long list of rows of different heights (an import's 10,000 rows): only the rows in view are
 * in the page, each measured as it renders.
 */
export function MeasuredList<T>({
  items,
  label,
  estimate,
  itemKey,
  renderItem,
}: {
  items: readonly T[]
  label: string
  estimate: number
  itemKey: (item: T) => string | number
  renderItem: (item: T) => ReactNode
}) {
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used as documented
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    getItemKey: (index) => itemKey(items[index]!),
    overscan: 6,
  })
  return (
    <div ref={scroller} className="virtual-scroll">
      <ul
        className="import-rows virtual"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => (
          <li
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="import-row"
            aria-setsize={items.length}
            aria-posinset={row.index + 1}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {renderItem(items[row.index]!)}
          </li>
        ))}
      </ul>
    </div>
  )
}
