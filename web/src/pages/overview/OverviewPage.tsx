import { useState, type ReactNode } from 'react';
import { Alert, Box, Snackbar, Typography } from '@mui/material';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, rectSortingStrategy, SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import { usePreference, useSavePreference } from '../../api/queries';
import { asApiError } from '../../api/errors';
import { SortableCard } from './SortableCard';
import { BudgetWidget } from './BudgetWidget';
import { CostWidget } from './CostWidget';
import { LAYOUT_KEY, normalizeOrder, type CardId, type OverviewLayout } from './layout';
import {
  AccountsWidget,
  ChangesWidget,
  KpiStrip,
  PlaceholderWidget,
  ResourcesWidget,
  TagsWidget,
} from './widgets';

function widgetFor(id: CardId): ReactNode {
  switch (id) {
    case 'resources': return <ResourcesWidget />;
    case 'accounts': return <AccountsWidget />;
    case 'changes': return <ChangesWidget />;
    case 'tags': return <TagsWidget />;
    case 'cost': return <CostWidget />;
    case 'budgets': return <BudgetWidget />;
    case 'compliance':
    case 'alerts':
      return <PlaceholderWidget id={id} />;
  }
}

export default function OverviewPage() {
  const { t } = useTranslation();
  const pref = usePreference<OverviewLayout>(LAYOUT_KEY);
  const save = useSavePreference<OverviewLayout>(LAYOUT_KEY);
  const [saveError, setSaveError] = useState<string | null>(null);
  // while the preference loads (or fails), the default order is shown
  const order = normalizeOrder(pref.data);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: unknown) => t(`overview.cards.${String(id) as CardId}`);
  const posOf = (id: unknown) => order.indexOf(id as CardId) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('overview.dragPicked', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('overview.dragOver', { title: titleOf(active.id), pos: posOf(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('overview.dragDropped', { title: titleOf(active.id), pos: posOf(over.id) }) : undefined,
    onDragCancel: ({ active }) => t('overview.dragCancelled', { title: titleOf(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(order, order.indexOf(active.id as CardId), order.indexOf(over.id as CardId));
    save.mutate(
      { order: next },
      { onError: (e) => setSaveError(t('overview.layoutSaveFailed', { message: `${asApiError(e).message} (${asApiError(e).code})` })) },
    );
  };

  return (
    <Box>
      <Typography variant="h1" sx={{ mb: 2 }}>
        {t('overview.title')}
      </Typography>
      <KpiStrip />
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('overview.dragHelp') } }}
      >
        <SortableContext items={order} strategy={rectSortingStrategy}>
          <Box
            data-testid="overview-grid"
            sx={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(min(360px, 100%), 1fr))',
              gap: 2,
              alignItems: 'stretch',
            }}
          >
            {order.map((id) => (
              <SortableCard key={id} id={id} title={t(`overview.cards.${id}`)} wide={id === 'resources'}>
                {widgetFor(id)}
              </SortableCard>
            ))}
          </Box>
        </SortableContext>
      </DndContext>
      <Snackbar open={Boolean(saveError)} autoHideDuration={6000} onClose={() => setSaveError(null)}>
        <Alert severity="error" onClose={() => setSaveError(null)} variant="filled">
          {saveError}
        </Alert>
      </Snackbar>
    </Box>
  );
}
