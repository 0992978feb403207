module.exports = { later: async (x) => x };
