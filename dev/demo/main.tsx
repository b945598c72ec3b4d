import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { PlexAuthProvider, plexRedirect } from 'react-plex-auth'
import 'react-plex-auth/styles.css'
import 'react-plex-auth/link-code.css'
import 'react-plex-auth/server-picker.css'
import 'react-plex-auth/profile-picker.css'
import 'react-plex-auth/account-menu.css'
import 'react-plex-auth/image.css'
import './demo.css'
import { App } from './App'
import { demoConfig, PRODUCT } from './config'

// The app's own QueryClient: the kit uses it (no second client). The session is kept in localStorage:
// a reload stays signed in and every tab follows sign-in, sign-out and profile switches.
const queryClient = new QueryClient()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <PlexAuthProvider product={PRODUCT} apiBaseUrl={demoConfig.apiBaseUrl} authAppUrl={demoConfig.authAppUrl} tokenStorage="local" redirect={plexRedirect}>
        <App />
      </PlexAuthProvider>
    </QueryClientProvider>
  </StrictMode>,
)
