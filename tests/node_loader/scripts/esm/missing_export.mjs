// Asks lib.mjs for an export it does not have.
import { nope } from './lib.mjs';

export const value = () => nope;
