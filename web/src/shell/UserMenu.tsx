import { useState } from 'react';
import { Avatar, Divider, IconButton, ListItemIcon, ListItemText, ListSubheader, Menu, MenuItem, Tooltip } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import LogoutIcon from '@mui/icons-material/Logout';
import PersonOutlineIcon from '@mui/icons-material/PersonOutline';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useThemeMode } from '../theme/ThemeModeProvider';
import type { ThemeMode } from '../theme/theme';
import { LANGUAGES, setLanguage } from '../i18n';

export function UserMenu({ username, onLogout }: { username: string; onLogout: () => void }) {
  const { t, i18n } = useTranslation();
  const { mode, setMode } = useThemeMode();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = () => setAnchor(null);
  const themes: { id: ThemeMode; label: string }[] = [
    { id: 'system', label: t('topbar.themeSystem') },
    { id: 'light', label: t('topbar.themeLight') },
    { id: 'dark', label: t('topbar.themeDark') },
  ];
  const lang = i18n.resolvedLanguage ?? i18n.language;

  return (
    <>
      <Tooltip title={t('topbar.signedInAs', { name: username })}>
        <IconButton
          data-testid="user-menu-button"
          aria-label={t('topbar.userMenu', { name: username })}
          aria-haspopup="menu"
          aria-expanded={anchor ? 'true' : undefined}
          aria-controls={anchor ? 'user-menu' : undefined}
          onClick={(e) => setAnchor(e.currentTarget)}
          color="inherit"
        >
          <Avatar sx={{ width: 32, height: 32, bgcolor: 'primary.dark', color: '#fff', fontSize: 15 }} aria-hidden>
            {(username[0] ?? '?').toUpperCase()}
          </Avatar>
        </IconButton>
      </Tooltip>
      <Menu
        id="user-menu"
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ list: { 'aria-label': t('topbar.userMenu', { name: username }), dense: true } }}
      >
        <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
          <ListItemText primary={username} secondary={t('topbar.signedInAs', { name: username })} />
        </MenuItem>
        <MenuItem component={RouterLink} to="/profile" onClick={close} data-testid="profile-link">
          <ListItemIcon>
            <PersonOutlineIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('identity.profile.title')}</ListItemText>
        </MenuItem>
        <Divider />
        <ListSubheader>{t('topbar.theme')}</ListSubheader>
        {themes.map((th) => (
          <MenuItem
            key={th.id}
            role="menuitemradio"
            aria-checked={mode === th.id}
            data-testid={`theme-${th.id}`}
            onClick={() => {
              setMode(th.id);
              close();
            }}
          >
            <ListItemIcon>{mode === th.id ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
            <ListItemText>{th.label}</ListItemText>
          </MenuItem>
        ))}
        <Divider />
        <ListSubheader>{t('topbar.language')}</ListSubheader>
        {LANGUAGES.map((l) => (
          <MenuItem
            key={l.code}
            role="menuitemradio"
            aria-checked={lang === l.code}
            lang={l.code}
            data-testid={`lang-${l.code}`}
            onClick={() => {
              setLanguage(l.code);
              close();
            }}
          >
            <ListItemIcon>{lang === l.code ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
            <ListItemText>{l.label}</ListItemText>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          data-testid="logout"
          onClick={() => {
            close();
            onLogout();
          }}
        >
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{t('topbar.logout')}</ListItemText>
        </MenuItem>
      </Menu>
    </>
  );
}
