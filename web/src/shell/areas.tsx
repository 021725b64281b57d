import type { ReactElement } from 'react';
import DashboardOutlinedIcon from '@mui/icons-material/DashboardOutlined';
import Inventory2OutlinedIcon from '@mui/icons-material/Inventory2Outlined';
import MonitorHeartOutlinedIcon from '@mui/icons-material/MonitorHeartOutlined';
import SavingsOutlinedIcon from '@mui/icons-material/SavingsOutlined';
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import ShieldOutlinedIcon from '@mui/icons-material/ShieldOutlined';
import HistoryEduOutlinedIcon from '@mui/icons-material/HistoryEduOutlined';
import AdminPanelSettingsOutlinedIcon from '@mui/icons-material/AdminPanelSettingsOutlined';
import CloudOutlinedIcon from '@mui/icons-material/CloudOutlined';
import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';

export type AreaId =
  | 'overview'
  | 'inventory'
  | 'monitoring'
  | 'cost'
  | 'governance'
  | 'resilience'
  | 'audit'
  | 'admin'
  | 'access'
  | 'accounts';

export interface Area {
  id: AreaId;
  path: string;
  icon: ReactElement;
  /** whether this console build has pages for the area (never link to a page that does not exist) */
  implemented: boolean;
  /** when the server sends `permissions`, the area shows only with one of these */
  anyPermission?: readonly string[];
}

export const AREAS: Area[] = [
  { id: 'overview', path: '/', icon: <DashboardOutlinedIcon />, implemented: true },
  { id: 'inventory', path: '/inventory', icon: <Inventory2OutlinedIcon />, implemented: true },
  { id: 'monitoring', path: '/monitoring', icon: <MonitorHeartOutlinedIcon />, implemented: false },
  { id: 'cost', path: '/cost', icon: <SavingsOutlinedIcon />, implemented: true, anyPermission: ['cost:read'] },
  { id: 'governance', path: '/governance', icon: <GavelOutlinedIcon />, implemented: false },
  { id: 'resilience', path: '/resilience', icon: <ShieldOutlinedIcon />, implemented: false },
  { id: 'audit', path: '/audit', icon: <HistoryEduOutlinedIcon />, implemented: true },
  {
    id: 'access',
    path: '/access',
    icon: <KeyOutlinedIcon />,
    implemented: true,
    anyPermission: ['access:request', 'access:approve', 'access:review'],
  },
  {
    id: 'admin',
    path: '/admin',
    icon: <AdminPanelSettingsOutlinedIcon />,
    implemented: true,
    anyPermission: ['identity:read-users', 'tenant:read'],
  },
  { id: 'accounts', path: '/accounts', icon: <CloudOutlinedIcon />, implemented: true },
];

/** Whether the user's permissions (absent: a server before issue 3, which gates by areas alone) allow the area. */
export function permitsArea(area: Area, permissions: readonly string[] | undefined): boolean {
  if (!permissions || !area.anyPermission) return true;
  return area.anyPermission.some((p) => permissions.includes(p));
}

/** The areas to show: listed by the server for this user, allowed by their permissions, and built into this console. */
export function visibleAreas(serverAreas: readonly string[] | undefined, permissions?: readonly string[]): Area[] {
  const allowed = new Set((serverAreas ?? []).map((a) => a.toLowerCase()));
  return AREAS.filter((a) => a.implemented && allowed.has(a.id) && permitsArea(a, permissions));
}

/** Whether one area is open to this user (the route guard's check). */
export function areaAllowed(id: AreaId, serverAreas: readonly string[] | undefined, permissions?: readonly string[]): boolean {
  return visibleAreas(serverAreas, permissions).some((a) => a.id === id);
}

/** The area a location belongs to. */
export function areaOfPath(pathname: string): AreaId | undefined {
  if (pathname === '/' || pathname === '') return 'overview';
  const first = pathname.split('/')[1];
  return AREAS.find((a) => a.path === `/${first}`)?.id;
}
