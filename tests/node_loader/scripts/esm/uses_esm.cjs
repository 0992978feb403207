// CommonJS importing an ES module (import() from CommonJS, the way Node 18 allows).
module.exports.viaImport = async (a, b) => {
  const { add } = await import('./lib.mjs');
  return add(a, b);
};
