// Imports a module that does not load: the error names the module that failed.
import { broken } from './syntax_error.mjs';

export const value = () => broken;
