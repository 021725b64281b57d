import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeMode = 'system' | 'light' | 'dark';

/** Colours chosen for at least 4.5:1 contrast of text and filled chips in both modes. */
export function buildTheme(mode: 'light' | 'dark'): Theme {
  const light = mode === 'light';
  return createTheme({
    palette: {
      mode,
      primary: light ? { main: '#1565c0' } : { main: '#90caf9' },
      secondary: light ? { main: '#6a1b9a' } : { main: '#ce93d8' },
      success: light ? { main: '#2e7d32' } : { main: '#81c784' },
      warning: light ? { main: '#a15c00', contrastText: '#fff' } : { main: '#ffb74d' },
      error: light ? { main: '#c62828' } : { main: '#ef9a9a' },
      info: light ? { main: '#01579b' } : { main: '#81d4fa' },
      background: light ? { default: '#f4f6f8', paper: '#ffffff' } : { default: '#0f1216', paper: '#171b21' },
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      h1: { fontSize: '1.6rem', fontWeight: 600 },
      h2: { fontSize: '1.15rem', fontWeight: 600 },
      h3: { fontSize: '1rem', fontWeight: 600 },
    },
    components: {
      MuiButtonBase: { defaultProps: { disableRipple: false } },
      MuiCssBaseline: {
        styleOverrides: {
          // a focus ring that is visible on every surface, for keyboard users
          ':focus-visible': { outline: `3px solid ${light ? '#1565c0' : '#90caf9'}`, outlineOffset: 2 },
          body: { minWidth: 320 },
        },
      },
      MuiCard: { defaultProps: { variant: 'outlined' } },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
      // always underlined: a link must be told from the text around it by more than its colour (WCAG 1.4.1)
      MuiLink: { defaultProps: { underline: 'always' } },
    },
  });
}
