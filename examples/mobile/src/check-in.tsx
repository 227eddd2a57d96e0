import { AttuneError } from '@attune/core';
import { useAttuneContext, useCheckIn, useExercise } from '@attune/react';
import { useSuspenseAttuneText } from '@attune/react/text';
import { useState } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';

/** A check-in: a score per dimension for the partner holding the phone, and their last scores. */
export function CheckIn({ id }: { id: string }) {
  const { partner } = useAttuneContext();
  const state = useExercise(id);
  const { trends, record } = useCheckIn(id);
  const t = useSuspenseAttuneText(state?.step.id ?? 'common');
  const [scores, setScores] = useState<Record<string, number>>({});
  const [problem, setProblem] = useState<string>();
  // Narrows `state.exercise` to a check-in, with its dimensions and scale.
  if (state?.kind !== 'check-in') return null;
  const { dimensions, scale } = state.exercise;
  const range = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const save = () => {
    try {
      record(scores);
      setScores({});
      setProblem(undefined);
    } catch (error) {
      if (!AttuneError.isInstance(error)) throw error;
      setProblem(error.message);
    }
  };
  return (
    <View style={styles.card}>
      <Text style={styles.heading} accessibilityRole="header">
        {t(state.exercise.titleKey)}
      </Text>
      <Text>
        {t(scale.minLabelKey)} {scale.min} – {scale.max} {t(scale.maxLabelKey)}
      </Text>
      {dimensions.map((dimension) => {
        const label = t(dimension.key);
        const last = trends?.dimensions.find((trend) => trend.dimension === dimension.id)?.latest[
          partner
        ];
        return (
          <View key={dimension.id} style={styles.dimension}>
            <Text>
              {label}
              {last === undefined ? '' : ` (${last})`}
            </Text>
            <View style={styles.scores} accessibilityRole="radiogroup" accessibilityLabel={label}>
              {range.map((score) => (
                <Pressable
                  key={score}
                  style={[styles.score, scores[dimension.id] === score && styles.chosen]}
                  accessibilityRole="radio"
                  accessibilityLabel={`${label} ${score}`}
                  accessibilityState={{ checked: scores[dimension.id] === score }}
                  onPress={() => setScores({ ...scores, [dimension.id]: score })}
                >
                  <Text>{score}</Text>
                </Pressable>
              ))}
            </View>
          </View>
        );
      })}
      <Pressable
        style={styles.button}
        accessibilityRole="button"
        disabled={Object.keys(scores).length === 0}
        onPress={save}
      >
        <Text>{t('common:action.done')}</Text>
      </Pressable>
      {problem && <Text accessibilityRole="alert">{problem}</Text>}
    </View>
  );
}

const styles = StyleSheet.create({
  card: { paddingVertical: 12, gap: 8 },
  heading: { fontSize: 18, fontWeight: '600' },
  dimension: { gap: 4 },
  scores: { flexDirection: 'row', gap: 6 },
  score: {
    minWidth: 44,
    minHeight: 44,
    alignItems: 'center',
    justifyContent: 'center',
    borderWidth: 1,
    borderRadius: 22,
  },
  chosen: { backgroundColor: '#cde' },
  button: { alignSelf: 'flex-start', padding: 12, borderWidth: 1, borderRadius: 6 },
});
