import { useMemo } from 'react';
import { Box, Link, List, ListItem, ListItemText, Typography, useTheme } from '@mui/material';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '../../api/types';
import EChart from '../../components/EChart';
import { EmptyState } from '../../components/States';

interface GraphNode {
  id: string;
  name: string;
  type?: string;
  resourceId?: string;
  center?: boolean;
}

/** Nodes and edges of a resource and its direct relationships, both directions. */
export function relationshipGraph(r: ResourceDetail) {
  const nodes = new Map<string, GraphNode>();
  const center = `r:${r.id}`;
  nodes.set(center, { id: center, name: r.name || r.nativeId || '', type: r.type, resourceId: r.id, center: true });
  const links: { source: string; target: string; label: string }[] = [];
  for (const o of r.outgoing ?? []) {
    const id = o.targetId ? `r:${o.targetId}` : `n:${o.targetProvider}:${o.targetNativeId}`;
    if (!nodes.has(id)) nodes.set(id, { id, name: o.targetName || o.targetNativeId || '?', type: o.targetType, resourceId: o.targetId ?? undefined });
    links.push({ source: center, target: id, label: o.type ?? '' });
  }
  for (const i of r.incoming ?? []) {
    const id = i.sourceId ? `r:${i.sourceId}` : `n:${i.sourceNativeId}`;
    if (!nodes.has(id)) nodes.set(id, { id, name: i.sourceName || i.sourceNativeId || '?', type: i.sourceType, resourceId: i.sourceId ?? undefined });
    links.push({ source: id, target: center, label: i.type ?? '' });
  }
  return { nodes: [...nodes.values()], links };
}

export function RelationshipGraph({ resource }: { resource: ResourceDetail }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const navigate = useNavigate();
  const graph = useMemo(() => relationshipGraph(resource), [resource]);
  const option = useMemo(
    () => ({
      tooltip: {
        formatter: (p: { dataType: string; data: GraphNode & { label?: string } }) =>
          p.dataType === 'node' ? `${p.data.name}<br/>${p.data.type ?? ''}` : (p.data.label ?? ''),
      },
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          force: { repulsion: 260, edgeLength: 120 },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 8,
          label: { show: true, position: 'right', color: theme.palette.text.primary, width: 160, overflow: 'truncate' },
          edgeLabel: { show: true, formatter: (p: { data: { label?: string } }) => p.data.label ?? '', fontSize: 10, color: theme.palette.text.secondary },
          lineStyle: { color: theme.palette.text.secondary, curveness: 0.1 },
          data: graph.nodes.map((n) => ({
            ...n,
            symbolSize: n.center ? 34 : 20,
            itemStyle: { color: n.center ? theme.palette.primary.main : n.resourceId ? theme.palette.secondary.main : theme.palette.grey[500] },
            cursor: n.resourceId && !n.center ? 'pointer' : 'default',
          })),
          links: graph.links.map((l) => ({ ...l })),
        },
      ],
    }),
    [graph, theme],
  );

  if (graph.links.length === 0) return <EmptyState>{t('resource.noRelations')}</EmptyState>;
  const name = resource.name || resource.nativeId || '';
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '2fr 1fr' }, gap: 2 }}>
      <Box sx={{ minWidth: 0 }}>
        <EChart
          option={option}
          height={420}
          ariaLabel={t('resource.graphLabel', { name })}
          testId="relationship-graph"
          onClick={(e) => {
            const d = e.data as GraphNode | undefined;
            if (e.dataType === 'node' && d?.resourceId && !d.center) navigate(`/inventory/${d.resourceId}`);
          }}
        />
        <Typography variant="caption" color="text.secondary">
          {t('resource.graphHint')}
        </Typography>
      </Box>
      <Box>
        {(resource.outgoing?.length ?? 0) > 0 && (
          <>
            <Typography variant="h3" component="h3">{t('resource.outgoing')}</Typography>
            <List dense>
              {resource.outgoing!.map((o, i) => (
                <ListItem key={i} disableGutters>
                  <ListItemText
                    primary={o.targetId ? <Link component={RouterLink} to={`/inventory/${o.targetId}`}>{o.targetName || o.targetNativeId}</Link> : o.targetName || o.targetNativeId}
                    secondary={`${o.type} · ${o.targetType ?? ''}`}
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
        {(resource.incoming?.length ?? 0) > 0 && (
          <>
            <Typography variant="h3" component="h3">{t('resource.incoming')}</Typography>
            <List dense>
              {resource.incoming!.map((i, k) => (
                <ListItem key={k} disableGutters>
                  <ListItemText
                    primary={i.sourceId ? <Link component={RouterLink} to={`/inventory/${i.sourceId}`}>{i.sourceName || i.sourceNativeId}</Link> : i.sourceName || i.sourceNativeId}
                    secondary={`${i.type} · ${i.sourceType ?? ''}`}
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
      </Box>
    </Box>
  );
}
