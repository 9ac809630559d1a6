import type { Kysely, Transaction } from 'kysely'
import { translate } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'
import { displayName } from '../../shared/person'
import { consentState } from '../../shared/privacy'
import type { ReportStory } from '../../shared/report'
import type { SaveStory, StoriesView, Story, StoryPerson } from '../../shared/stories'
import type { WriteContext } from '../ledger/write-context'
import { StoreError } from '../store/errors'
import { newId } from '../store/ids'
import { inIds } from '../store/in-ids'
import type { Database } from '../store/schema'
import { narrativeChecker, redact } from './narrative'

/**
 * Verhalen met toestemming: her stories for the report, each linked to the residents it is about.
 * A story goes into an export only while every one of them has the consent "opnemen in verhalen"
 * (given, not expired); the exports that held it are kept, so that a withdrawal afterwards is
 * logged (never who: the story and the export).
 */

const storyNotFound = () => new StoreError('not_found', translate(nl, 'errors.storyNotFound'))

type Db = Kysely<Database> | Transaction<Database>

/**
 * Per story, the residents it is about (by name) with where "opnemen in verhalen" stands for each
 * today: the list shows them, and the report counts those without it.
 */
async function peopleOf(
  db: Db,
  storyIds: readonly string[],
  today: string,
): Promise<Map<string, StoryPerson[]>> {
  const people = new Map<string, StoryPerson[]>()
  if (storyIds.length === 0) return people
  const links = await db
    .selectFrom('story_person as sp')
    .innerJoin('person as p', 'p.id', 'sp.person_id')
    .leftJoin('consent as c', (join) =>
      join
        .onRef('c.person_id', '=', 'sp.person_id')
        .on('c.purpose', '=', 'stories')
        .on('c.current', '=', 1),
    )
    .select([
      'sp.story_id',
      'p.id',
      'p.first_name',
      'p.tussenvoegsel',
      'p.last_name',
      'c.given',
      'c.expires_on',
    ])
    .where(inIds('sp.story_id', storyIds))
    .orderBy('p.name_key')
    .execute()
  for (const link of links) {
    const list = people.get(link.story_id) ?? []
    list.push({
      id: link.id,
      name: displayName({
        firstName: link.first_name,
        tussenvoegsel: link.tussenvoegsel,
        lastName: link.last_name,
      }),
      consent: consentState(
        link.given === null ? null : { given: link.given === 1, expiresOn: link.expires_on },
        today,
      ),
    })
    people.set(link.story_id, list)
  }
  return people
}

const withoutConsent = (people: readonly StoryPerson[]) =>
  people.filter((person) => person.consent !== 'given').length

/** Her stories, newest first, each with its residents and their consent, and the withdrawals. */
export async function listStories(db: Kysely<Database>, today: string): Promise<StoriesView> {
  const stories = await db.selectFrom('story').selectAll().orderBy('updated_at', 'desc').execute()
  const ids = stories.map((story) => story.id)
  const peopleByStory = await peopleOf(db, ids, today)
  const exported = await db
    .selectFrom('story_export')
    .select(['story_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('story_id')
    .execute()
  const exports = new Map(exported.map((row) => [row.story_id, Number(row.n)]))
  const check = await narrativeChecker(db)
  const view: Story[] = stories.map((story) => {
    const people = peopleByStory.get(story.id) ?? []
    return {
      id: story.id,
      title: story.title,
      text: story.text,
      people,
      withoutConsent: withoutConsent(people),
      findings: check(`${story.title}\n${story.text}`),
      exports: exports.get(story.id) ?? 0,
      updatedAt: story.updated_at,
    }
  })
  const withdrawals = await db
    .selectFrom('story_log as l')
    .leftJoin('story as s', 's.id', 'l.story_id')
    .leftJoin('report_export as e', 'e.id', 'l.export_id')
    .select(['l.id', 'l.at', 's.title', 'e.file_name', 'e.at as export_at'])
    .orderBy('l.at', 'desc')
    .execute()
  return {
    stories: view,
    withdrawals: withdrawals.map((row) => ({
      id: row.id,
      at: row.at,
      storyTitle: row.title,
      exportFileName: row.file_name,
      exportAt: row.export_at,
    })),
  }
}

/** A new story or a changed one, with who it is about (residents in the ledger only). */
export async function saveStory(
  db: Kysely<Database>,
  input: SaveStory,
  at: WriteContext,
): Promise<StoriesView> {
  await db.transaction().execute(async (trx) => {
    const stamp = at.now.toISOString()
    const personIds = [...new Set(input.personIds)]
    const found =
      personIds.length === 0
        ? []
        : await trx
            .selectFrom('person')
            .select('id')
            .where(inIds('id', personIds))
            .where('deleted_at', 'is', null)
            .where('anonymised_at', 'is', null)
            .execute()
    if (found.length !== personIds.length) {
      throw new StoreError('not_found', translate(nl, 'errors.personNotFound'))
    }
    let id = input.id
    if (id) {
      const result = await trx
        .updateTable('story')
        .set({ title: input.title, text: input.text, updated_at: stamp })
        .where('id', '=', id)
        .executeTakeFirst()
      if (result.numUpdatedRows === 0n) throw storyNotFound()
      await trx.deleteFrom('story_person').where('story_id', '=', id).execute()
    } else {
      id = newId(at.now.getTime())
      await trx
        .insertInto('story')
        .values({ id, title: input.title, text: input.text, created_at: stamp, updated_at: stamp })
        .execute()
    }
    if (personIds.length > 0) {
      await trx
        .insertInto('story_person')
        .values(personIds.map((person_id) => ({ story_id: id, person_id })))
        .execute()
    }
  })
  return listStories(db, at.today)
}

/** A story gone; the exports that held it keep their line in the log. */
export async function deleteStory(
  db: Kysely<Database>,
  id: string,
  today: string,
): Promise<StoriesView> {
  const result = await db.deleteFrom('story').where('id', '=', id).executeTakeFirst()
  if (result.numDeletedRows === 0n) throw storyNotFound()
  return listStories(db, today)
}

/** The stories a report asks for, in its order, each with how many lack the consent today. */
export async function reportStories(
  db: Kysely<Database>,
  ids: readonly string[],
  today: string,
): Promise<ReportStory[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('story')
    .select(['id', 'title', 'text'])
    .where('id', 'in', ids)
    .execute()
  const byId = new Map(rows.map((row) => [row.id, row]))
  const people = await peopleOf(db, ids, today)
  return ids.map((id) => {
    const story = byId.get(id)
    if (!story) throw storyNotFound()
    return { ...story, withoutConsent: withoutConsent(people.get(id) ?? []) }
  })
}

/** The stories an export held, kept beside its log line. */
export async function logStoryExport(
  db: Kysely<Database>,
  exportId: string,
  stories: readonly ReportStory[],
): Promise<void> {
  if (stories.length === 0) return
  await db
    .insertInto('story_export')
    .values(stories.map((story) => ({ story_id: story.id, export_id: exportId })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/**
 * He withdrew "opnemen in verhalen" (it was given until now): for every export that held a story
 * about him, a line in the story log, for her to tell whoever received it. A refusal where nothing
 * was given is no withdrawal: no export could have held him. Inside the caller's transaction,
 * before the new decision is written.
 */
export async function logStoryWithdrawal(
  trx: Transaction<Database>,
  personId: string,
  at: WriteContext,
): Promise<void> {
  const given = await trx
    .selectFrom('consent')
    .select('id')
    .where('person_id', '=', personId)
    .where('purpose', '=', 'stories')
    .where('current', '=', 1)
    .where('given', '=', 1)
    .executeTakeFirst()
  if (!given) return
  const held = await trx
    .selectFrom('story_person as sp')
    .innerJoin('story_export as se', 'se.story_id', 'sp.story_id')
    .select(['se.story_id', 'se.export_id'])
    .where('sp.person_id', '=', personId)
    .execute()
  if (held.length === 0) return
  await trx
    .insertInto('story_log')
    .values(
      held.map((row) => ({
        id: newId(at.now.getTime()),
        at: at.now.toISOString(),
        kind: 'consent_withdrawn' as const,
        story_id: row.story_id,
        export_id: row.export_id,
      })),
    )
    .execute()
}

/** Erased residents' names out of every story, as out of the exports' own stories (erase.ts). */
export async function redactStoryTexts(
  trx: Transaction<Database>,
  phrases: ReadonlySet<string>,
  mark: string,
): Promise<void> {
  const stories = await trx.selectFrom('story').select(['id', 'title', 'text']).execute()
  for (const story of stories) {
    const title = redact(story.title, phrases, mark)
    const text = redact(story.text, phrases, mark)
    if (title === story.title && text === story.text) continue
    await trx.updateTable('story').set({ title, text }).where('id', '=', story.id).execute()
  }
}
