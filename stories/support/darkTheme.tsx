import type { Decorator } from '@storybook/react-vite'
import type { CSSProperties } from 'react'

const darkFrame: CSSProperties = { background: '#0d1117', color: '#e6edf3', padding: '1.5rem', borderRadius: 8 }

/** Shows the story under `[data-theme="dark"]`, on a dark surface. */
export const darkTheme: Decorator = (Story) => (
  <div data-theme="dark" style={darkFrame}>
    <Story />
  </div>
)
