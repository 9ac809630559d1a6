import { useState } from 'react'
import { Sidebar } from './components/Sidebar'
import { PeopleView } from './views/PeopleView'
import { PlaceholderView } from './views/PlaceholderView'
import type { View } from './views'

export function App() {
  const [view, setView] = useState<View>('people')
  return (
    <div className="layout">
      <Sidebar current={view} onSelect={setView} />
      <main className="content" id="main">
        {view === 'people' ? <PeopleView /> : <PlaceholderView view={view} />}
      </main>
    </div>
  )
}
