/** Dutch, the app's first language. Every other language mirrors this shape (see messages.ts). */
export const nl = {
  app: {
    name: 'Sprokkelaar',
    tagline: 'Je eigen bewonersregister',
  },
  nav: {
    label: 'Hoofdmenu',
    today: 'Vandaag',
    people: 'Bewoners',
    capture: 'Na de ronde',
    connect: 'Verbinden',
    account: 'Verantwoording',
    comingSoon: 'binnenkort',
  },
  language: {
    label: 'Taal',
    nl: 'Nederlands',
    en: 'English',
  },
  people: {
    title: 'Bewoners',
    count_one: '{{count}} bewoner',
    count_other: '{{count}} bewoners',
    empty: 'Nog niemand in je register. Voeg hierboven de eerste bewoner toe.',
    listLabel: 'Bewonerslijst',
    loading: 'Bewoners laden…',
    noWijk: 'geen wijk',
    showingFirst: 'De eerste {{shown}} van {{total}} worden getoond.',
  },
  addPerson: {
    title: 'Bewoner toevoegen',
    firstName: 'Voornaam',
    tussenvoegsel: 'Tussenvoegsel',
    lastName: 'Achternaam',
    wijk: 'Wijk',
    note: 'Notitie',
    notePlaceholder: 'Wat wil, kan of zoekt deze bewoner?',
    submit: 'Opslaan',
    saving: 'Bezig met opslaan…',
    saved: '{{name}} is opgeslagen.',
  },
  placeholder: {
    body: 'Deze weergave komt in een volgende versie van Sprokkelaar.',
  },
  info: {
    encrypted: 'Versleuteld opgeslagen',
    notEncrypted: 'Niet versleuteld',
    keyFileOnly:
      'De sleutel staat in een bestand dat alleen jij kunt lezen; dit systeem heeft geen sleutelbos.',
    version: 'Versie {{version}}',
  },
  validation: {
    invalid: 'Deze waarde klopt niet.',
    required: 'Dit veld is verplicht.',
    firstNameRequired: 'Vul een voornaam in.',
    tooLong: 'Deze tekst is te lang.',
    notANumber: 'Vul een heel getal in.',
    summary: 'Controleer de invoer: {{details}}',
  },
  errors: {
    internal: 'Er ging iets mis. Er is niets veranderd; probeer het opnieuw.',
    unreachable: 'Sprokkelaar reageert niet. Er is niets veranderd; probeer het opnieuw.',
    storeWrongKey:
      'Het gegevensbestand kan niet worden geopend: de sleutel past niet, of het is geen Sprokkelaar-bestand.',
    storeTooNew:
      'Dit gegevensbestand is gemaakt met een nieuwere versie van Sprokkelaar (versie {{found}}; deze versie kent tot {{known}}). Werk Sprokkelaar bij.',
    storeUnavailable: 'Het gegevensbestand kan niet worden geopend: {{reason}}',
  },
  fields: {
    firstName: 'Voornaam',
    tussenvoegsel: 'Tussenvoegsel',
    lastName: 'Achternaam',
    wijk: 'Wijk',
    note: 'Notitie',
    limit: 'Aantal',
    offset: 'Begin',
  },
}
