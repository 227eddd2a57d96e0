// Regenerates the diagram in docs/program.md from nineStepProgram: `pnpm docs:program`.
import { readFileSync, writeFileSync } from 'node:fs';
import { nineStepProgram } from '@attune/core';
import { withDiagram } from './program-diagram.js';

const file = new URL('../program.md', import.meta.url);
writeFileSync(file, withDiagram(readFileSync(file, 'utf8'), nineStepProgram));
