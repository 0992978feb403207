module.exports.policy_add = (a, b) => a + b;
