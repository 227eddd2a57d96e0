import type { Engine } from '@attune/core';
import { type AttuneI18n, AttuneProvider, useAttuneContext } from '@attune/react';
import { useAttuneText, useTextDirection } from '@attune/react/text';
import { Suspense, useState } from 'react';
import { ActivityIndicator, Pressable, ScrollView, StyleSheet, Text, View } from 'react-native';
import { CheckIn } from './check-in';
import { Reflection } from './reflection';
import { StepList } from './step-list';

/** Props of {@link App}. */
export interface AppProps {
  readonly engine: Engine;
  readonly i18n: AttuneI18n;
}

/** Who holds the phone: the hooks show that partner's view and record for them. */
function PartnerSwitch({ onPartner }: { onPartner: (partner: string) => void }) {
  const { engine, partner } = useAttuneContext();
  return (
    <View style={styles.switch} accessibilityRole="tablist">
      {engine.couple.partners.map(({ id }) => (
        <Pressable
          key={id}
          style={[styles.tab, id === partner && styles.current]}
          accessibilityRole="tab"
          accessibilityState={{ selected: id === partner }}
          onPress={() => onPartner(id)}
        >
          <Text>{id}</Text>
        </Pressable>
      ))}
    </View>
  );
}

function Screen({ onPartner }: { onPartner: (partner: string) => void }) {
  const direction = useTextDirection();
  const { t } = useAttuneText('common');
  return (
    <ScrollView contentContainerStyle={[styles.screen, { direction }]}>
      <Text style={styles.title} accessibilityRole="header">
        {t('program.title')}
      </Text>
      <PartnerSwitch onPartner={onPartner} />
      <StepList />
      <Suspense fallback={<ActivityIndicator />}>
        <Reflection id="what-feels-safe" />
        <CheckIn id="weekly-check-in" />
      </Suspense>
    </ScrollView>
  );
}

/** The example app: one phone, passed between the two partners. */
export function App({ engine, i18n }: AppProps) {
  const [partner, setPartner] = useState(engine.couple.partners[0]?.id ?? '');
  return (
    <AttuneProvider engine={engine} partner={partner} i18n={i18n}>
      <Screen onPartner={setPartner} />
    </AttuneProvider>
  );
}

const styles = StyleSheet.create({
  screen: { padding: 16, gap: 12 },
  title: { fontSize: 22, fontWeight: '700' },
  switch: { flexDirection: 'row', gap: 8 },
  tab: { padding: 10, minWidth: 64, alignItems: 'center', borderWidth: 1, borderRadius: 6 },
  current: { backgroundColor: '#cde' },
});
