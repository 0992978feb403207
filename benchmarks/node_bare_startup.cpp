// The baseline of node_startup: a bare libnode embedding with Node's C++ embedding API doing what
// the node loader's start-up does (one process initialization with the loader's flags, one
// environment, a start-up script that requires benchmarks/node/add.js, the first call of add(2, 3)
// from C++). Prints "<ms from main() to the first result> <steady_clock at the result, ns> <VmRSS
// kB>" (what node_startup reads) and exits without teardown,
// as the loader's side of node_startup does. Links libnode directly: it is a baseline, not part
// of the library.
#include "node/rss.h"

#include <node.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#ifndef NODE_BENCHMARK_ADD
#  error "NODE_BENCHMARK_ADD must name benchmarks/node/add.js"
#endif

int main() {
	const auto start = std::chrono::steady_clock::now();
	auto initialized = node::InitializeOncePerProcess(
	    {"node"}, {node::ProcessInitializationFlags::kNoStdioInitialization,
	               node::ProcessInitializationFlags::kNoDefaultSignalHandling,
	               node::ProcessInitializationFlags::kNoAdjustResourceLimits,
	               node::ProcessInitializationFlags::kNoUseLargePages,
	               node::ProcessInitializationFlags::kNoPrintHelpOrVersionOutput});
	if (initialized->early_return() || initialized->platform() == nullptr)
		return 1;
	std::vector<std::string> errors;
	auto setup = node::CommonEnvironmentSetup::Create(
	    initialized->platform(), &errors, std::vector<std::string>{"node"}, std::vector<std::string>{});
	if (setup == nullptr)
		return 1;
	v8::Isolate *isolate = setup->isolate();
	v8::Locker locker(isolate);
	v8::Isolate::Scope isolate_scope(isolate);
	v8::HandleScope handles(isolate);
	v8::Local<v8::Context> context = setup->context();
	v8::Context::Scope context_scope(context);
	const std::string script = "globalThis.add = require('module').createRequire('" NODE_BENCHMARK_ADD
	                           "')('" NODE_BENCHMARK_ADD "').add;";
	if (node::LoadEnvironment(setup->env(), script.c_str()).IsEmpty())
		return 1;
	v8::Local<v8::Value> add;
	if (!context->Global()->Get(context, v8::String::NewFromUtf8Literal(isolate, "add")).ToLocal(&add) ||
	    !add->IsFunction())
		return 1;
	v8::Local<v8::Value> args[] = {v8::Number::New(isolate, 2), v8::Number::New(isolate, 3)};
	v8::Local<v8::Value> result;
	if (!add.As<v8::Function>()->Call(context, v8::Undefined(isolate), 2, args).ToLocal(&result))
		return 1;
	const double sum = result->NumberValue(context).FromMaybe(0);
	const auto now = std::chrono::steady_clock::now();
	const double elapsed = std::chrono::duration<double, std::milli>(now - start).count();
	std::printf("%.3f %lld %ld\n", elapsed, static_cast<long long>(now.time_since_epoch().count()),
	            node_benchmark::resident_kb());
	std::fflush(stdout);
	std::_Exit(sum == 5 ? 0 : 1);
}
