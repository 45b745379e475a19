// Worker threads do not inherit the parent's TypeScript loader: register tsx's CommonJS hook
// here, then run the TypeScript entry (which loads the task module with require as well).
require('tsx/cjs');
require('./worker-entry.ts');
