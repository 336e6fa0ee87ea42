#pragma once
// What an error means for the user and what to do about it, in plain words.

#include "ApiError.h"

namespace ErrorAdvice {
QString forConnection(const ApiError &e); // for "Test connection" and the status bar
QString forCreate(const ApiError &e);     // why an import could not start, and what to do
}
