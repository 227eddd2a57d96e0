export { exerciseSchema, programSchema, ruleSchema, stepSchema } from './schemas.js';
