#pragma once
// What the command line says when a request failed: the server's words, plus what the user can do about it
// (no key given, the URL that could not be reached, an endpoint that does not speak the API asked for).
// The window has its own words for the same errors (ErrorAdvice); these name command-line options.

#include "ApiError.h"
#include "Endpoint.h"

namespace CliErrors {

enum class KeySource { None, Environment, Stdin, Connection };

// The error as the command line reports it (exit code, --json kind): a 404 from a route that does not exist
// (no API code in the body) is not a missing job but an endpoint that does not speak this dialect.
ApiError classify(const ApiError &e, const Endpoint &ep);
// One or two lines for stderr, without the "bulkwatch: " prefix and without a final newline.
QString text(const ApiError &e, const Endpoint &ep, KeySource key);

// Hosts that are Zilliz Cloud's control plane (not a cluster's own endpoint): every request names a cluster.
bool needsClusterId(const Endpoint &ep);

} // namespace CliErrors
