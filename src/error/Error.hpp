// The core's one error tree: every failure the core reports is a partnering::Error
// whose message starts with a stable, greppable id such as "[partnering.l10n.bad-language-tag]".
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace partnering {

// Base of every error the core throws. `id()` is stable across releases (tests,
// scripts and translators grep for it); `what()` is "[id] reason".
class Error : public std::runtime_error {
public:
    Error(std::string_view id, std::string_view reason);
    const std::string& id() const noexcept { return id_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    std::string id_;
    std::string reason_;
};

// The caller's mistake: a bad argument or bad input data (a malformed file, an
// unknown step, an invalid answer). Fixing the input fixes it.
class InvalidInput : public Error {
public:
    using Error::Error;
};

// The environment failed: a file cannot be read or written, a database is
// missing or locked, a library refused. Retrying or repairing the setup fixes it.
class EnvironmentFailure : public Error {
public:
    using Error::Error;
};

// A broken invariant in our own code: a bug, not the caller's input nor the
// environment. Neither retrying nor fixing the input helps; the report should
// reach the developers.
class InternalError : public Error {
public:
    using Error::Error;
};

} // namespace partnering
