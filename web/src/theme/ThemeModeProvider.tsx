import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { CssBaseline, ThemeProvider, useMediaQuery } from '@mui/material';
import { buildTheme, type ThemeMode } from './theme';

const STORAGE_KEY = 'cw.theme';

interface ThemeModeContext {
  mode: ThemeMode;
  resolved: 'light' | 'dark';
  setMode: (m: ThemeMode) => void;
}

const Ctx = createContext<ThemeModeContext>({ mode: 'system', resolved: 'light', setMode: () => {} });

function storedMode(): ThemeMode {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'light' || v === 'dark' || v === 'system') return v;
  } catch {
    /* ignore */
  }
  return 'system';
}

/** Light and dark themes following prefers-color-scheme, overridable (and persisted) by the user. */
export function ThemeModeProvider({ children }: { children: ReactNode }) {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const [mode, setModeState] = useState<ThemeMode>(storedMode);
  const resolved = mode === 'system' ? (prefersDark ? 'dark' : 'light') : mode;
  const theme = useMemo(() => buildTheme(resolved), [resolved]);
  const value = useMemo<ThemeModeContext>(
    () => ({
      mode,
      resolved,
      setMode: (m) => {
        try {
          localStorage.setItem(STORAGE_KEY, m);
        } catch {
          /* ignore */
        }
        setModeState(m);
      },
    }),
    [mode, resolved],
  );
  return (
    <Ctx.Provider value={value}>
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        {children}
      </ThemeProvider>
    </Ctx.Provider>
  );
}

export function useThemeMode(): ThemeModeContext {
  return useContext(Ctx);
}
