import { useEffect, useSyncExternalStore } from 'react'

type Theme = 'system' | 'light' | 'dark'
const STORAGE_KEY = 'theme'
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

/** Applies a theme to the page; index.html runs the same rule before the first paint. */
function applyTheme(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && darkQuery().matches)
  document.documentElement.classList.toggle('dark', dark)
}

// Who shows the stored choice: the switch, kept in step when it changes here or in another tab.
const listeners = new Set<() => void>()
function subscribe(listener: () => void) {
  listeners.add(listener)
  window.addEventListener('storage', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', listener)
  }
}

/** Light, dark, or whatever the system says; the choice is remembered on this device. */
export function ThemeSwitch() {
  // The prerendered page cannot know the reader's choice: it says "System" until the app takes over
  // (index.html has already applied the choice before the first paint).
  const theme = useSyncExternalStore(subscribe, storedTheme, () => 'system' as const)

  useEffect(() => {
    if (theme !== 'system') return
    const query = darkQuery()
    const follow = () => {
      applyTheme('system')
    }
    query.addEventListener('change', follow)
    return () => {
      query.removeEventListener('change', follow)
    }
  }, [theme])

  return (
    <label className="flex items-center gap-2 text-sm print:hidden">
      <span className="sr-only sm:not-sr-only">Theme</span>
      <select
        value={theme}
        onChange={(event) => {
          const next = event.target.value as Theme
          try {
            if (next === 'system') localStorage.removeItem(STORAGE_KEY)
            else localStorage.setItem(STORAGE_KEY, next)
          } catch {
            // Private browsing may refuse storage; the choice then lasts until the next page load.
          }
          applyTheme(next)
          for (const listener of listeners) listener()
        }}
        className="field px-1.5 py-1"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  )
}
