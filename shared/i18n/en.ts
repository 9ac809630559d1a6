import type { Messages } from './messages'

export const en: Messages = {
  app: {
    name: 'Sprokkelaar',
    tagline: 'Your own ledger of residents',
  },
  nav: {
    label: 'Main menu',
    today: 'Today',
    people: 'Residents',
    capture: 'After the round',
    connect: 'Connect',
    account: 'Accountability',
    comingSoon: 'coming soon',
  },
  language: {
    label: 'Language',
    nl: 'Nederlands',
    en: 'English',
  },
  people: {
    title: 'Residents',
    count_one: '{{count}} resident',
    count_other: '{{count}} residents',
    empty: 'Nobody in your ledger yet. Add the first resident above.',
    listLabel: 'List of residents',
    loading: 'Loading residents…',
    noWijk: 'no neighbourhood',
    showingFirst: 'Showing the first {{shown}} of {{total}}.',
  },
  addPerson: {
    title: 'Add a resident',
    firstName: 'First name',
    tussenvoegsel: 'Name prefix',
    lastName: 'Last name',
    wijk: 'Neighbourhood',
    note: 'Note',
    notePlaceholder: 'What does this resident want, offer or need?',
    submit: 'Save',
    saving: 'Saving…',
    saved: '{{name}} has been saved.',
  },
  placeholder: {
    body: 'This view comes in a later version of Sprokkelaar.',
  },
  info: {
    encrypted: 'Stored encrypted',
    notEncrypted: 'Not encrypted',
    keyFileOnly: 'The key is kept in a file only you can read; this system has no keyring.',
    version: 'Version {{version}}',
  },
  validation: {
    invalid: 'This value is not valid.',
    required: 'This field is required.',
    firstNameRequired: 'Enter a first name.',
    tooLong: 'This text is too long.',
    notANumber: 'Enter a whole number.',
    summary: 'Please check your input: {{details}}',
  },
  errors: {
    internal: 'Something went wrong. Nothing was changed; please try again.',
    unreachable: 'Sprokkelaar does not respond. Nothing was changed; please try again.',
    storeWrongKey:
      'The data file cannot be opened: the key does not fit, or it is not a Sprokkelaar file.',
    storeTooNew:
      'This data file was written by a newer version of Sprokkelaar (version {{found}}; this one knows up to {{known}}). Please update Sprokkelaar.',
    storeUnavailable: 'The data file cannot be opened: {{reason}}',
  },
  fields: {
    firstName: 'First name',
    tussenvoegsel: 'Name prefix',
    lastName: 'Last name',
    wijk: 'Neighbourhood',
    note: 'Note',
    limit: 'Count',
    offset: 'Start',
  },
}
