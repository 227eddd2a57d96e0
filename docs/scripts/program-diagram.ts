// Draws a program's steps and their unlock rules as a Mermaid flowchart, so the picture in
// docs/program.md is generated from the data and can never drift from it.
import type { Program, Rule } from '@attune/core';

/** Words for a condition that is not another step, shown on the step it opens. */
function describeCondition(rule: Rule): string[] {
  switch (rule.kind) {
    case 'all':
    case 'any':
      return rule.rules.flatMap(describeCondition);
    case 'not':
      return [`not (${describeCondition(rule.rule).join(', ') || 'a step'})`];
    case 'safety-clear':
      return ['no safety concern'];
    case 'days-since-start':
      return [`${rule.atLeast}+ days in`];
    case 'rhythm':
      return [`${rule.weeks}+ weeks of rhythm`];
    case 'exercise-done':
      return [`${rule.exercise} done (${rule.by})`];
    case 'check-in-score':
      return [`${rule.dimension} score`];
    case 'check-in-divergence':
      return [`${rule.dimension} divergence`];
    default:
      return [];
  }
}

function stepsNeeded(rule: Rule): string[] {
  switch (rule.kind) {
    case 'step-completed':
      return [rule.step];
    case 'all':
    case 'any':
      return rule.rules.flatMap(stepsNeeded);
    default:
      return [];
  }
}

/** The Mermaid source for a program's steps: an arrow from each step to the steps it opens. */
export function programDiagram(program: Program): string {
  const lines = ['flowchart TD', '  start((start))'];
  program.steps.forEach((step, i) => {
    const conditions = describeCondition(step.unlock);
    const open = program.alwaysOpen.includes(step.id) ? '<br/><i>never locked</i>' : '';
    const extra = conditions.length > 0 ? `<br/><small>${conditions.join(' · ')}</small>` : '';
    lines.push(
      `  ${step.id}["${i + 1}. ${step.id}<br/>${step.exercises.length} exercises${extra}${open}"]`,
    );
  });
  for (const step of program.steps) {
    const needed = stepsNeeded(step.unlock);
    if (step.unlock.kind === 'always') lines.push(`  start --> ${step.id}`);
    for (const from of needed) lines.push(`  ${from} --> ${step.id}`);
  }
  for (const id of program.alwaysOpen) lines.push(`  style ${id} stroke-width:3px`);
  return `${lines.join('\n')}\n`;
}

const START = '<!-- program-diagram:start -->';
const END = '<!-- program-diagram:end -->';

/** Replaces the diagram between the markers in a Markdown document. */
export function withDiagram(markdown: string, program: Program): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`docs/program.md needs the markers ${START} and ${END} around the diagram.`);
  }
  const block = `${START}\n\`\`\`mermaid\n${programDiagram(program)}\`\`\`\n`;
  return markdown.slice(0, start) + block + markdown.slice(end);
}
