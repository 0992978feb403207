// A .js file under "type": "module": an ES module.
import { helper } from './helper.js';

export const fromModulePackage = (text) => helper(text);
