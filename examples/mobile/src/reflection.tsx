import { AttuneError } from '@attune/core';
import { useExercise } from '@attune/react';
import { useSuspenseAttuneText } from '@attune/react/text';
import { useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';

/** A reflection's first prompt, answered privately by the partner holding the phone. */
export function Reflection({ id }: { id: string }) {
  const state = useExercise(id);
  const t = useSuspenseAttuneText(state?.step.id ?? 'common');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  // Narrows `state.exercise` to a reflection, with its prompts.
  if (state?.kind !== 'reflection') return null;
  const [prompt] = state.exercise.prompts;
  if (!prompt) return null;
  const done = () => {
    try {
      state.answer(prompt, text);
      state.complete();
      setText('');
      setProblem(undefined);
    } catch (error) {
      // A locked step or a paused program: the engine says why, and how to go on.
      if (!AttuneError.isInstance(error)) throw error;
      setProblem(error.message);
    }
  };
  return (
    <View style={styles.card}>
      <Text style={styles.heading} accessibilityRole="header">
        {t(state.exercise.titleKey)}
      </Text>
      <Text nativeID={`${id}-prompt`}>{t(prompt, { partner: 'your partner' })}</Text>
      <TextInput
        style={styles.input}
        multiline
        value={text}
        onChangeText={setText}
        accessibilityLabel={t(prompt, { partner: 'your partner' })}
        accessibilityLabelledBy={`${id}-prompt`}
      />
      <Pressable
        style={styles.button}
        accessibilityRole="button"
        disabled={state.status === 'locked' || state.resting || text.trim() === ''}
        onPress={done}
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
  input: { borderWidth: 1, borderRadius: 6, minHeight: 80, padding: 8, textAlignVertical: 'top' },
  button: { alignSelf: 'flex-start', padding: 12, borderWidth: 1, borderRadius: 6 },
});
