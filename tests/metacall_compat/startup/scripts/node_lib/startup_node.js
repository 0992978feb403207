// Found only through node_loader.json's execution path.
module.exports = {
	node_hello: (text) => 'Node hello: ' + text,
};
