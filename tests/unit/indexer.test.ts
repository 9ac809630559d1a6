import { EventEmitter } from 'node:events'
import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { MatchColumns } from '../../db/connect/match-columns'
import {
  runIndexer,
  type IndexerProcess,
  type IndexJob,
  type IndexReply,
} from '../../db/search/indexer'
import { SearchIndex } from '../../db/search/search-index'

/**
 * An indexer process as the main process sees it, played here: what it answers to a job goes
 * through V8's serializer as Node's IPC carries it (typed arrays come back as views into the one
 * buffer of each message), a turn of the event loop apart; it ends when stopped, or by itself.
 */
class PlayedIndexer extends EventEmitter implements IndexerProcess {
  jobs: IndexJob[] = []
  stops = 0
  ended = false
  constructor(private readonly answer: (job: IndexJob) => (IndexReply | 'exit')[]) {
    super()
  }
  send(job: IndexJob): void {
    this.jobs.push(job)
    void (async () => {
      for (const reply of this.answer(job)) {
        await new Promise((resolve) => setImmediate(resolve))
        if (this.ended) return
        if (reply === 'exit') return this.end()
        this.emit('message', deserialize(serialize(reply)))
      }
    })()
  }
  onMessage(listener: (reply: IndexReply) => void): void {
    this.on('message', listener)
  }
  onExit(listener: () => void): void {
    this.on('exit', listener)
  }
  stop(): void {
    this.stops += 1
    setImmediate(() => this.end())
  }
  private end() {
    if (this.ended) return
    this.ended = true
    this.emit('exit')
  }
}

function indexesOf(count: number) {
  const search = new SearchIndex()
  const matching = new MatchColumns()
  for (let i = 0; i < count; i++) {
    const doc = {
      id: `p${i}`,
      sortKey: `bakker ${i}`,
      status: 'active' as const,
      attributes: {
        wijkId: `w${i % 3}`,
        tagIds: i % 2 ? ['t1'] : [],
        availability: i % 16,
        consent: 'given',
        lastContactOn: null,
        availableFrom: null,
        shareUntil: null,
      },
      fields: { name: `Anna${i} Bakker`, wish: 'wandelen' },
    }
    search.put(doc)
    matching.put(doc)
  }
  search.pack()
  matching.pack()
  return { search, matching }
}

function piecesOf(index: 'search' | 'matching', snapshot: object): IndexReply[] {
  return Object.entries(snapshot).map(([field, value]) => ({ type: 'piece', index, field, value }))
}

/** Every typed array in a value, wherever it sits. */
function typedArrays(value: unknown): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) return [value]
  if (value === null || typeof value !== 'object') return []
  return Object.values(value).flatMap(typedArrays)
}

const job = { path: '/tmp/store.db', key: 'ab'.repeat(32), chunk: 2 }

describe('the indexer, as the main process runs it', () => {
  it('puts both indexes together from their pieces, each array on a buffer of its own, and ends the process', async () => {
    const built = indexesOf(40)
    const indexer = new PlayedIndexer(() => [
      ...piecesOf('search', built.search.snapshot()),
      ...piecesOf('matching', built.matching.snapshot()),
      { type: 'done', people: 40, sameSlots: false },
    ])
    const run = runIndexer(() => indexer, job)
    let settled = false
    void run.outcome.then(() => (settled = true))
    const outcome = await run.outcome
    expect(settled).toBe(true)
    expect(indexer.jobs).toEqual([job])
    // Stopped once it answered; the outcome came after it ended.
    expect(indexer.stops).toBe(1)
    expect(indexer.ended).toBe(true)
    if (!outcome.ok) throw new Error(outcome.detail)
    expect(outcome.people).toBe(40)
    const arrays = typedArrays(outcome)
    expect(arrays.length).toBeGreaterThan(10)
    // Kept as views, each would hold on to its whole message (the names and ids too).
    for (const array of arrays) {
      expect(array.byteOffset).toBe(0)
      expect(array.buffer.byteLength).toBe(array.byteLength)
    }
    const search = new SearchIndex()
    search.load(outcome.search)
    const again = indexesOf(40)
    for (const query of ['anna7 bakr', 'bakker', 'wandelen']) {
      expect(search.search(query, 5)).toEqual(again.search.search(query, 5))
    }
    expect(search.search('anna7 bakr', 5)[0]!.id).toBe('p7')
    const matching = new MatchColumns()
    matching.load(outcome.matching)
    expect(matching.documents()).toEqual(again.matching.documents())
  })

  it('is a failed fill when the process ends without answering, says it failed, or cannot start', async () => {
    const silent = new PlayedIndexer(() => [
      ...piecesOf('search', indexesOf(3).search.snapshot()),
      'exit',
    ])
    expect(await runIndexer(() => silent, job).outcome).toEqual({
      ok: false,
      detail: 'indexer ended',
    })
    const failing = new PlayedIndexer(() => [{ type: 'failed', detail: 'file is not a database' }])
    expect(await runIndexer(() => failing, job).outcome).toEqual({
      ok: false,
      detail: 'file is not a database',
    })
    // Stopped too, once it has said so.
    expect(failing.stops).toBe(1)
    expect(failing.ended).toBe(true)
    const unstartable = runIndexer(() => {
      throw new Error('spawn ENOENT')
    }, job)
    expect(await unstartable.outcome).toEqual({ ok: false, detail: 'spawn ENOENT' })
    await unstartable.stop()
  })

  it('stops the process when asked, and settles once it has ended', async () => {
    const endless = new PlayedIndexer(() => [])
    const run = runIndexer(() => endless, job)
    await run.stop()
    expect(endless.stops).toBe(1)
    expect(endless.ended).toBe(true)
    expect(await run.outcome).toEqual({ ok: false, detail: 'indexer ended' })
  })
})
