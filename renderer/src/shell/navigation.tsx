import { createContext, useContext } from 'react'
import type { View } from './views'

/** A message to show where she lands, with an undo where one is possible. */
export interface Notice {
  message: string
  undo?: () => Promise<void>
}

export interface Navigation {
  /**
   * Goes to a view, and to one item in it: a person in Bewoners, an initiative in Verbinden. Asks
   * first when a form has unsaved changes.
   */
  go(view: View, id?: string, notice?: Notice): void
  /** Something changed that the sidebar counts (follow-ups): it reads its badge again. */
  changed(): void
  /**
   * A form tells whether it holds changes that would be lost on leaving (true), or changes it keeps
   * as a draft when she leaves (`'kept'`: no question on leaving, only on closing the window).
   */
  setUnsaved(unsaved: boolean | 'kept'): void
  /** Ctrl/Cmd+K: true once per request to focus search (the search box asks when it shows). */
  takeSearchFocus(): boolean
}

export const NavigationContext = createContext<Navigation>({
  go: () => undefined,
  changed: () => undefined,
  setUnsaved: () => undefined,
  takeSearchFocus: () => false,
})

export const useNavigation = () => useContext(NavigationContext)
