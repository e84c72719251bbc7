export { buildProgram } from './program.js';
export { applySetOverride } from './applySetOverride.js';
export { ProgressReporter } from './ProgressReporter.js';
export { CliError } from './CliError.js';
