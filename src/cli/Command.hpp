// The `partnering` command line: each subcommand registers itself on the CLI11 app and
// reports its outcome as one of the documented exit codes below.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>

namespace partnering::cli {

// Documented in README.md ("Exit codes"); scripts rely on them.
enum ExitCode : int {
    kOk = 0,
    kSomeInputRejected = 1, // the others were processed
    kUsage = 2,
    kInvalidInput = 3,       // nothing was written
    kEnvironmentFailure = 4, // I/O, database, missing data files
    kInternalError = 5,
};

struct Context {
    // share/partnering of the installation (or of the build's stage folder).
    std::filesystem::path dataDir;
    int exitCode = kOk;
};

void addStepsCommand(CLI::App& app, Context& context);
void addLessonsCommands(CLI::App& app, Context& context);
void addAgreementCommands(CLI::App& app, Context& context);
void addTranslationCommands(CLI::App& app, Context& context);

} // namespace partnering::cli
