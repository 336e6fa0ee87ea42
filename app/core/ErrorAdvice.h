#pragma once
// What an error means for the user and what to do about it, in plain words.

#include "ApiError.h"

namespace ErrorAdvice {
QString forConnection(const ApiError &e); // for "Test connection" and the status bar
QString forCreate(const ApiError &e);     // why an import could not start, and what to do
// A create whose every try went unanswered (SafeCreate::answerLost): the job may exist, so this is no refusal.
QString forLostCreate(const ApiError &e);
}
