export type { ContentTree } from '../program/content-tree.js';
export type { ProgramContent } from './check-content.js';
export { eventSchema } from './event-schema.js';
export type { JsonSchema } from './json-schema.js';
export { contentTreeSchema, jsonSchemas } from './json-schema.js';
export type { ProblemCode, ProgramProblem } from './problems.js';
export type { ProgramSchemaOptions, ProgramSchemas } from './schemas.js';
export {
  createProgramSchemas,
  exerciseSchema,
  programSchema,
  ruleSchema,
  stepSchema,
} from './schemas.js';
export type { ProgramValidation, ValidateProgramOptions } from './validate-program.js';
export { validateProgram } from './validate-program.js';
