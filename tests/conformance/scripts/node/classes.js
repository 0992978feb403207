// The conformance suite's classes script: a class, its instances, and functions that use objects.
class Counter {
	constructor(start) {
		this.count = start;
	}
	inc(by) {
		this.count += by;
		return this.count;
	}
	fail(message) {
		throw new Error(message);
	}
	static make(start) {
		return new Counter(start);
	}
}
Counter.kind = 'counter'; // a static attribute

const kept = [];

module.exports = {
	Counter,
	make_counter: (start) => new Counter(start),
	keep: (x) => { kept.push(x); },
	is_kept: (x) => kept.some((item) => item === x),
	read_attribute: (obj, name) => obj[name],
	write_attribute: (obj, name, value) => { obj[name] = value; },
	call_method: (obj, name, argument) => obj[name](argument),
	keys_of: (obj) => Object.keys(obj).sort(),
};
