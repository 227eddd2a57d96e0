import { readFileSync } from 'node:fs';
import { nineStepProgram } from '@attune/core';
import { describe, expect, it } from 'vitest';
import { programDiagram, withDiagram } from './program-diagram.js';

describe('the program diagram', () => {
  it('in docs/program.md is the one generated from nineStepProgram; run `pnpm docs:program` when this fails', () => {
    const markdown = readFileSync(new URL('../program.md', import.meta.url), 'utf8');
    expect(markdown).toBe(withDiagram(markdown, nineStepProgram));
  });

  it('draws every step, the foundation opening the others, and help never locked', () => {
    const diagram = programDiagram(nineStepProgram);
    for (const step of nineStepProgram.steps) expect(diagram).toContain(`  ${step.id}["`);
    expect(diagram).toContain('start --> safe-space');
    expect(diagram).toContain('start --> professional-help');
    expect(diagram).toContain('safe-space --> empathy');
    expect(diagram).toContain('empathy --> vulnerability');
    expect(diagram).toContain('style professional-help stroke-width:3px');
  });

  it('explains how to fix a document without markers', () => {
    expect(() => withDiagram('# no markers', nineStepProgram)).toThrow(/needs the markers/);
  });
});
