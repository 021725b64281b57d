import { List, ListItem, ListItemButton, ListItemIcon, ListItemText } from '@mui/material';
import { Link as RouterLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { areaOfPath, type Area } from './areas';

export function NavList({ areas, onNavigate }: { areas: Area[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = areaOfPath(pathname);
  return (
    <List sx={{ py: 1 }}>
      {areas.map((a) => {
        const selected = a.id === current;
        return (
          <ListItem key={a.id} disablePadding>
            <ListItemButton
              component={RouterLink}
              to={a.path}
              selected={selected}
              aria-current={selected ? 'page' : undefined}
              data-testid={`nav-${a.id}`}
              onClick={onNavigate}
              sx={{ mx: 1, borderRadius: 1 }}
            >
              <ListItemIcon sx={{ minWidth: 40 }} aria-hidden>
                {a.icon}
              </ListItemIcon>
              <ListItemText primary={t(`nav.${a.id}`)} />
            </ListItemButton>
          </ListItem>
        );
      })}
    </List>
  );
}
