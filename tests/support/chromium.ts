/** Debian's Chromium: Playwright's own browser download cannot reach its host here. */
export const chromiumExecutable = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** Headless and quiet: no sandbox (CI runs as root), no GPU, nothing that calls home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]
