import { useState } from 'react';
import { Button, ListItemIcon, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import CheckIcon from '@mui/icons-material/Check';
import { useTranslation } from 'react-i18next';
import type { TenantRef } from '../api/identity';
import { tenantTree } from '../lib/tenant';

/**
 * The active tenant's name; a switcher (the tenant tree: home and descendants) when the user may act in
 * more than one tenant. Choosing one calls onSwitch.
 */
export function TenantSwitcher({
  tenantId,
  tenantName,
  tenants,
  onSwitch,
}: {
  tenantId?: string;
  tenantName?: string;
  tenants: Partial<TenantRef>[];
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
  const tree = tenantTree(tenants.filter((tn): tn is TenantRef => Boolean(tn.id)).map((tn) => ({ ...tn, name: tn.name ?? tn.id })));
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
        <Typography variant="body2" noWrap data-testid="tenant-name">
          {tenantName}
        </Typography>
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': t('topbar.switchTenant') } }}>
        {tree.map((tn) => (
          <MenuItem
            key={tn.id}
            role="menuitemradio"
            aria-checked={tn.id === tenantId}
            data-testid={`tenant-option-${tn.id}`}
            onClick={() => {
              setAnchor(null);
              if (tn.id !== tenantId) onSwitch?.(tn.id);
            }}
            sx={{ pl: 2 + tn.depth * 2 }}
          >
            <ListItemIcon>{tn.id === tenantId ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
            <ListItemText secondary={tn.kind ? t(`identity.tenantKind.${tn.kind}` as 'identity.tenantKind.MSP', { defaultValue: String(tn.kind) }) : undefined}>
              {tn.name}
            </ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
