import { join } from 'node:path'
import { app, Notification, safeStorage } from 'electron'
import type { Platform } from '../db/platform'
import { loadOrCreateStoreKey, type KeyCipher } from '../db/store-key'

/** Electron's safeStorage: DPAPI on Windows, the Keychain on macOS, libsecret/KWallet on Linux. */
const safeStorageCipher: KeyCipher = {
  // On Linux without a keyring Electron falls back to "basic_text", a fixed password in its own
  // source: that protects nothing, so we say so instead of pretending.
  available: () =>
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (sealed) => safeStorage.decryptString(sealed),
}

/** `showWindow` brings her window forward when she clicks a notification. */
export function electronPlatform(showWindow: () => void): Platform {
  const dataDir = app.getPath('userData')
  return {
    appVersion: app.getVersion(),
    dataDir,
    storeKey: async () => loadOrCreateStoreKey(join(dataDir, 'store-key.json'), safeStorageCipher),
    now: () => new Date(),
    notify: ({ title, body, onClick }) => {
      if (!Notification.isSupported()) return
      const notification = new Notification({ title, body })
      notification.on('click', () => {
        onClick?.()
        showWindow()
      })
      notification.show()
    },
  }
}
