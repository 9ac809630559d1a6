import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron'
import { translate } from '../shared/i18n/messages'
import { nl } from '../shared/i18n/nl'

const label = (key: string) => translate(nl, `shell.menu.${key}`)

export interface MenuActions {
  about(): void
  shortcuts(): void
}

/**
 * The application menu, in Dutch. Electron's default menu is English and has Reload and Toggle
 * Developer Tools: at her desk anyone could then read every resident through the console. A
 * packaged app has neither; in development both stay under Beeld.
 */
export function applicationMenu(options: {
  packaged: boolean
  platform: NodeJS.Platform
  actions: MenuActions
}): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Sprokkelaar',
          submenu: [
            { label: label('about'), click: options.actions.about },
            { type: 'separator' },
            { role: 'hide', label: label('hide') },
            { role: 'hideOthers', label: label('hideOthers') },
            { role: 'unhide', label: label('showAll') },
            { type: 'separator' },
            { role: 'quit', label: label('quit') },
          ],
        },
      ]
    : []
  const developer: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [
        { type: 'separator' },
        { role: 'reload', label: label('reload') },
        { role: 'toggleDevTools', label: label('devTools') },
      ]
  return [
    ...appMenu,
    {
      label: label('file'),
      submenu: mac
        ? [{ role: 'close', label: label('closeWindow') }]
        : [{ role: 'quit', label: label('quit') }],
    },
    { label: label('edit'), submenu: editItems() },
    {
      label: label('view'),
      submenu: [
        { role: 'resetZoom', label: label('resetZoom') },
        { role: 'zoomIn', label: label('zoomIn') },
        { role: 'zoomOut', label: label('zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: label('fullScreen') },
        ...developer,
      ],
    },
    ...(mac
      ? [
          {
            label: label('window'),
            submenu: [
              { role: 'minimize', label: label('minimize') },
              { role: 'close', label: label('closeWindow') },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: label('help'),
      role: 'help',
      submenu: [
        { label: label('shortcuts'), click: options.actions.shortcuts },
        ...(mac ? [] : [{ label: label('about'), click: options.actions.about }]),
      ],
    },
  ]
}

function editItems(): MenuItemConstructorOptions[] {
  return [
    { role: 'undo', label: label('undo') },
    { role: 'redo', label: label('redo') },
    { type: 'separator' },
    { role: 'cut', label: label('cut') },
    { role: 'copy', label: label('copy') },
    { role: 'paste', label: label('paste') },
    { type: 'separator' },
    { role: 'selectAll', label: label('selectAll') },
  ]
}

/**
 * The right-click menu: knippen, kopiëren, plakken where she types; kopiëren where she selected
 * text; nothing elsewhere (Electron shows no menu of its own).
 */
export function contextMenu(
  params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>,
): MenuItemConstructorOptions[] {
  if (params.isEditable) {
    const flags = params.editFlags
    return [
      { role: 'cut', label: label('cut'), enabled: flags.canCut },
      { role: 'copy', label: label('copy'), enabled: flags.canCopy },
      { role: 'paste', label: label('paste'), enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: label('selectAll'), enabled: flags.canSelectAll },
    ]
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy', label: label('copy') }]
  return []
}
