import { useAttuneContext, useStepStatus } from '@attune/react';
import { useAttuneText } from '@attune/react/text';
import { StyleSheet, Text, View } from 'react-native';

/** One step: its title once its words are loaded, and its status for the couple. */
function StepRow({ id }: { id: string }) {
  // Re-renders only when this step's status changes.
  const status = useStepStatus(id);
  const { status: text, t } = useAttuneText(id);
  if (text !== 'ready') return <View style={styles.row} accessibilityState={{ busy: true }} />;
  return (
    <View
      style={styles.row}
      accessibilityLabel={`${t('step.title')}: ${t(`common:status.${status}`)}`}
    >
      <Text style={styles.title}>{t('step.title')}</Text>
      <Text style={styles.status}>{t(`common:status.${status}`)}</Text>
    </View>
  );
}

/** The program's steps, in order, each with its status. */
export function StepList() {
  const { engine } = useAttuneContext();
  return (
    <View accessibilityRole="list">
      {engine.program.steps.map((step) => (
        <StepRow key={step.id} id={step.id} />
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { paddingVertical: 8, borderBottomWidth: StyleSheet.hairlineWidth, minHeight: 44 },
  title: { fontSize: 16, fontWeight: '600' },
  status: { fontSize: 14, opacity: 0.7 },
});
