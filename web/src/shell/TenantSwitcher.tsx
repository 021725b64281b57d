import { useState } from 'react';
import { Button, ListItemIcon, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import CheckIcon from '@mui/icons-material/Check';
import { useTranslation } from 'react-i18next';

interface Tenant {
  id?: string;
  name?: string;
}

/**
 * The active tenant's name; a switcher only when the user belongs to more than one tenant.
 * Switching calls onSwitch (the server's tenant-switch contract is still to come).
 */
export function TenantSwitcher({
  tenantId,
  tenantName,
  tenants,
  onSwitch,
}: {
  tenantId?: string;
  tenantName?: string;
  tenants: Tenant[];
  onSwitch?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!tenantName) return null;
  if (tenants.length <= 1) {
    return (
      <Typography
        variant="body2"
        noWrap
        data-testid="tenant-name"
        sx={{ display: { xs: 'none', sm: 'block' }, opacity: 0.9, maxWidth: 200 }}
        title={`${t('topbar.tenant')}: ${tenantName}`}
      >
        {tenantName}
      </Typography>
    );
  }
  return (
    <>
      <Button
        color="inherit"
        endIcon={<ArrowDropDownIcon />}
        aria-label={`${t('topbar.switchTenant')}: ${tenantName}`}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid="tenant-switcher"
        sx={{ textTransform: 'none', maxWidth: 220 }}
      >
        <Typography variant="body2" noWrap>
          {tenantName}
        </Typography>
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {tenants.map((tn) => (
          <MenuItem
            key={tn.id}
            role="menuitemradio"
            aria-checked={tn.id === tenantId}
            onClick={() => {
              setAnchor(null);
              if (tn.id && tn.id !== tenantId) onSwitch?.(tn.id);
            }}
          >
            <ListItemIcon>{tn.id === tenantId ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
            <ListItemText>{tn.name}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
