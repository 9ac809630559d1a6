import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from '../../shared/i18n/en'
import { languages, type Language } from '../../shared/i18n/messages'
import { nl } from '../../shared/i18n/nl'

const storageKey = 'sprokkelaar.language'

const isLanguage = (value: string | null): value is Language =>
  languages.includes(value as Language)

export function savedLanguage(): Language {
  const saved = localStorage.getItem(storageKey)
  return isLanguage(saved) ? saved : 'nl'
}

export function chooseLanguage(language: Language): void {
  localStorage.setItem(storageKey, language)
  void i18n.changeLanguage(language)
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language
})

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
})

export default i18n
