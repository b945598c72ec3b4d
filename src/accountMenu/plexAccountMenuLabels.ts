/** Every string of `<PlexAccountMenu>`, overridable for translation. */
export interface PlexAccountMenuLabels {
  /**
   * The menu button's accessible name, from the name it shows (the profile's, else the account's).
   * Keep that name in it (speech-input users say what they see). @default (name) => `Account: ${name}`
   */
  button: (name: string) => string
  /** The item that opens the profile picker, and the picker dialog's title. @default 'Switch profile' */
  switchProfile: string
  /** The item that signs out. @default 'Sign out' */
  signOut: string
  /** The button that closes the profile picker dialog. @default 'Close' */
  close: string
}

/** The English defaults of {@link PlexAccountMenuLabels}. */
export const defaultPlexAccountMenuLabels: PlexAccountMenuLabels = {
  button: (name) => `Account: ${name}`,
  switchProfile: 'Switch profile',
  signOut: 'Sign out',
  close: 'Close',
}
