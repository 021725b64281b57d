import type { ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, IconButton, Tooltip } from '@mui/material';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';

export function SortableCard({
  id,
  title,
  action,
  children,
  wide,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const headingId = `card-${id}-title`;
  return (
    <Box
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-testid={`overview-card-${id}`}
      sx={{
        gridColumn: wide ? { xs: 'auto', lg: 'span 2' } : 'auto',
        transform: CSS.Translate.toString(transform),
        transition,
        zIndex: isDragging ? 2 : 'auto',
        opacity: isDragging ? 0.85 : 1,
        minWidth: 0,
      }}
    >
      <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column', boxShadow: isDragging ? 6 : 0 }}>
        <CardHeader
          title={title}
          slotProps={{ title: { variant: 'h2', component: 'h2', id: headingId } }}
          sx={{ pb: 0 }}
          action={
            <Box sx={{ display: 'flex', alignItems: 'center' }}>
              {action}
              <Tooltip title={t('overview.dragHandle', { title })}>
                <IconButton
                  ref={setActivatorNodeRef}
                  size="small"
                  {...attributes}
                  {...listeners}
                  aria-label={t('overview.dragHandle', { title })}
                  data-testid={`overview-drag-${id}`}
                  sx={{ cursor: 'grab', touchAction: 'none' }}
                >
                  <DragIndicatorIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Box>
          }
        />
        <CardContent sx={{ flex: 1, minWidth: 0 }}>{children}</CardContent>
      </Card>
    </Box>
  );
}
