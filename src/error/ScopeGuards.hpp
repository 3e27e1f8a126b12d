// Undoing what a scope did however it is left, a return or an exception going through: a flag
// set while the scope runs, cleanup that always runs, cleanup that runs only when it failed.
#pragma once

#include <exception>
#include <utility>

namespace partnering {

// Sets `flag` while the scope runs and gives it back its value after (e.g. "our own writes to
// the controls are no edits of the user's").
class ScopedFlag {
public:
    explicit ScopedFlag(bool& flag) : flag_(flag), was_(std::exchange(flag, true)) {}
    ~ScopedFlag() { flag_ = was_; }
    ScopedFlag(const ScopedFlag&) = delete;
    ScopedFlag& operator=(const ScopedFlag&) = delete;

private:
    bool& flag_;
    bool was_;
};

// Runs `cleanup` when the scope ends, however it ends. `cleanup` must not throw (in the
// extension, wrap UNO calls in reportFailures).
template <class Cleanup> class AtScopeExit {
public:
    explicit AtScopeExit(Cleanup cleanup) : cleanup_(std::move(cleanup)) {}
    ~AtScopeExit() { cleanup_(); }
    AtScopeExit(const AtScopeExit&) = delete;
    AtScopeExit& operator=(const AtScopeExit&) = delete;

private:
    Cleanup cleanup_;
};

// Runs `undo` when the scope is left by an exception, before the exception goes on (and before
// any handler of it runs). `undo` must not throw (in the extension, wrap UNO calls in
// reportFailures).
template <class Undo> class OnScopeFailure {
public:
    explicit OnScopeFailure(Undo undo) : undo_(std::move(undo)) {}
    ~OnScopeFailure()
    {
        if (std::uncaught_exceptions() > exceptionsAtStart_)
            undo_();
    }
    OnScopeFailure(const OnScopeFailure&) = delete;
    OnScopeFailure& operator=(const OnScopeFailure&) = delete;

private:
    Undo undo_;
    int exceptionsAtStart_ = std::uncaught_exceptions();
};

} // namespace partnering
