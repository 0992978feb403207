// Throws while it evaluates (after a top-level await).
await null;
throw new RangeError('thrown while loading');
