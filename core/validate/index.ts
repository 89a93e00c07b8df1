export * from './types.js';
export * from './parameter-types.js';
export { splitCriterion, normaliseStepText } from './split.js';
export { compileCriterion, createStepLibrary, isRunnable, StepLibraryError, type StepLibrary } from './compile.js';
export { httpSteps, fillFromVars, varFor, check, request, cookieChecks, bodyAssert } from './library.js';
export { renderPlan } from './render.js';
export * from './results.js';
export { toJunit } from './junit.js';
export { styleOf, renderSuggestion, type SuggestedCriterion } from './suggest.js';
