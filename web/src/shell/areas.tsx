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

export type AreaId =
  | 'overview'
  | 'inventory'
  | 'monitoring'
  | 'cost'
  | 'governance'
  | 'resilience'
  | 'audit'
  | 'admin'
  | 'accounts';

export interface Area {
  id: AreaId;
  path: string;
  icon: ReactElement;
  /** whether this console build has pages for the area (never link to a page that does not exist) */
  implemented: boolean;
}

export const AREAS: Area[] = [
  { id: 'overview', path: '/', icon: <DashboardOutlinedIcon />, implemented: true },
  { id: 'inventory', path: '/inventory', icon: <Inventory2OutlinedIcon />, implemented: true },
  { id: 'monitoring', path: '/monitoring', icon: <MonitorHeartOutlinedIcon />, implemented: false },
  { id: 'cost', path: '/cost', icon: <SavingsOutlinedIcon />, implemented: true },
  { id: 'governance', path: '/governance', icon: <GavelOutlinedIcon />, implemented: false },
  { id: 'resilience', path: '/resilience', icon: <ShieldOutlinedIcon />, implemented: false },
  { id: 'audit', path: '/audit', icon: <HistoryEduOutlinedIcon />, implemented: true },
  { id: 'admin', path: '/admin', icon: <AdminPanelSettingsOutlinedIcon />, implemented: false },
  { id: 'accounts', path: '/accounts', icon: <CloudOutlinedIcon />, implemented: true },
];

/** The areas to show: listed by the server for this user, and built into this console. */
export function visibleAreas(serverAreas: readonly string[] | undefined): Area[] {
  const allowed = new Set((serverAreas ?? []).map((a) => a.toLowerCase()));
  return AREAS.filter((a) => a.implemented && allowed.has(a.id));
}

/** The area a location belongs to. */
export function areaOfPath(pathname: string): AreaId | undefined {
  if (pathname === '/' || pathname === '') return 'overview';
  const first = pathname.split('/')[1];
  return AREAS.find((a) => a.path === `/${first}`)?.id;
}
