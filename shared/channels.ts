/**
 * The names of every channel, apart from their schemas so that the preload can be built from them
 * without bundling zod. `contract.ts` must describe exactly these (the compiler checks it).
 */
export const channelNames = [
  'app:info',
  'app:today',
  'app:takeNavigation',
  'people:create',
  'people:update',
  'people:get',
  'people:list',
  'people:archive',
  'people:trash',
  'people:restore',
  'people:similar',
  'people:search',
  'moments:add',
  'followups:today',
  'followups:summary',
  'followups:create',
  'followups:done',
  'followups:snooze',
  'followups:cancel',
  'tags:list',
  'wijken:list',
  'wijken:create',
  'wijken:rename',
  'import:open',
  'import:configure',
  'import:preview',
  'import:checkRow',
  'import:commit',
  'import:progress',
  'import:history',
  'import:report',
  'import:undo',
  'settings:get',
  'settings:update',
] as const

export type Channel = (typeof channelNames)[number]
