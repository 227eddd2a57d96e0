import { createSqliteAdapter } from '@attune/core/storage';
import { openDatabaseAsync } from 'expo-sqlite';
import { useEffect, useState } from 'react';
import { ActivityIndicator, Text, View } from 'react-native';
import { App } from './app';
import { type BootedAttune, bootAttune } from './boot';
import { demoCouple } from './couple';

/** Opens the couple's history in SQLite on the phone, then shows the app. */
export function Main() {
  const [booted, setBooted] = useState<BootedAttune>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let open: BootedAttune | undefined;
    let cancelled = false;
    bootAttune({
      couple: demoCouple,
      adapter: createSqliteAdapter({ open: () => openDatabaseAsync(`attune-${demoCouple.id}.db`) }),
      // Damaged records set aside, a full disk, a failed write: the app goes on, and a real one
      // tells the person.
      onProblem: (problem) => console.warn(problem.message),
    }).then(
      (attune) => {
        open = attune;
        if (cancelled) void attune.close();
        else setBooted(attune);
      },
      (error: Error) => setFailure(error.message),
    );
    return () => {
      cancelled = true;
      void open?.close();
    };
  }, []);
  if (failure) {
    return (
      <View style={{ padding: 24 }}>
        <Text accessibilityRole="alert">{failure}</Text>
      </View>
    );
  }
  if (!booted) return <ActivityIndicator style={{ marginTop: 48 }} />;
  return <App engine={booted.engine} i18n={booted.i18n} />;
}
