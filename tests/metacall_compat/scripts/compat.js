// Functions the MetaCall-style hosts call (tests/metacall_compat).
function sum(left, right) {
	return left + right;
}

async function later(value) {
	await new Promise((resolve) => setTimeout(resolve, 10));
	return value * 2;
}

function fail() {
	throw new TypeError('js boom');
}

module.exports = { sum, later, fail };
