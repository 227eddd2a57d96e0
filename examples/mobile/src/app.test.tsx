import { createMemoryAdapter } from '@attune/core/storage';
import { fireEvent, render, screen } from '@testing-library/react-native';
import { App } from './app';
import { type BootedAttune, bootAttune } from './boot';
import { demoCouple } from './couple';

// A Tuesday in the couple's second week, so the weekly check-in is open.
const now = () => Date.parse('2026-01-13T18:00:00Z');

let attune: BootedAttune;
beforeEach(async () => {
  attune = await bootAttune({ couple: demoCouple, adapter: createMemoryAdapter(), now });
});
afterEach(async () => {
  await attune.close();
});

const show = () => render(<App engine={attune.engine} i18n={attune.i18n} />);

describe('the example app', () => {
  it('lists the program steps with their status, in English', async () => {
    show();
    expect(await screen.findByText('Nine steps closer')).toBeOnTheScreen();
    expect(await screen.findByLabelText('A safe space: Ready when you are')).toBeOnTheScreen();
    expect(await screen.findByLabelText('Empathy: Not open yet')).toBeOnTheScreen();
    // One row per step, each with its status in words.
    expect(
      screen.getAllByLabelText(/: (Ready when you are|Not open yet|In progress|Done)$/),
    ).toHaveLength(attune.engine.program.steps.length);
  });

  it('records a reflection for the partner holding the phone, privately', async () => {
    show();
    const prompt =
      'When do you feel most at ease saying what’s really on your mind? Think of a place, a time of day, or a way of being listened to.';
    fireEvent.changeText(await screen.findByLabelText(prompt), 'On long walks.');
    fireEvent.press(screen.getAllByRole('button', { name: 'Done' })[0] as never);
    const [answer, completed] = attune.engine.getEvents().slice(-2);
    expect(answer).toMatchObject({
      type: 'answer-recorded',
      partner: 'ana',
      visibility: 'private',
      data: { exercise: 'what-feels-safe', text: 'On long walks.' },
    });
    expect(completed).toMatchObject({ type: 'exercise-completed', partner: 'ana' });
    expect(await screen.findByLabelText('A safe space: In progress')).toBeOnTheScreen();
  });

  it('records a check-in for whichever partner holds the phone', async () => {
    show();
    expect(await screen.findByText('Weekly check-in')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('tab', { name: 'kai' }));
    expect(screen.getByRole('tab', { name: 'kai' })).toBeSelected();
    fireEvent.press(screen.getByRole('radio', { name: 'Feeling close 4' }));
    expect(screen.getByRole('radio', { name: 'Feeling close 4' })).toBeChecked();
    fireEvent.press(screen.getAllByRole('button', { name: 'Done' }).at(-1) as never);
    expect(attune.engine.getEvents().at(-1)).toMatchObject({
      type: 'check-in-recorded',
      partner: 'kai',
      data: { exercise: 'weekly-check-in', scores: { closeness: 4 } },
    });
    // Kai's last score is shown beside the dimension.
    expect(await screen.findByText('Feeling close (4)')).toBeOnTheScreen();
  });
});
