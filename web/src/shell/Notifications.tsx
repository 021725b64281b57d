import { useState } from 'react';
import { Badge, IconButton, Popover, Tooltip, Typography, Box } from '@mui/material';
import NotificationsNoneIcon from '@mui/icons-material/NotificationsNone';
import { useTranslation } from 'react-i18next';

/** The bell; notifications arrive with later modules, so it shows its empty state. */
export function Notifications() {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const count = 0;
  return (
    <>
      <Tooltip title={t('topbar.notifications')}>
        <IconButton
          color="inherit"
          aria-label={t('topbar.notifications')}
          aria-haspopup="dialog"
          onClick={(e) => setAnchor(e.currentTarget)}
          data-testid="notifications-button"
        >
          <Badge badgeContent={count} color="error">
            <NotificationsNoneIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': t('topbar.notifications') } }}
      >
        <Box sx={{ p: 2, minWidth: 240 }}>
          <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
            {t('topbar.notifications')}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="notifications-empty">
            {t('topbar.noNotifications')}
          </Typography>
        </Box>
      </Popover>
    </>
  );
}
