#include "Command.hpp"
#include "error/Error.hpp"


#include <cstdlib>
#include <iostream>

namespace {

// The data folder sits beside the binary as in an installed tree (bin/partnering,
// share/partnering/); PARTNERING_DATA_DIR overrides it.
std::filesystem::path findDataDir()
{
    if (const char* dir = std::getenv("PARTNERING_DATA_DIR"); dir != nullptr && *dir != '\0')
        return dir;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return "/usr/share/partnering";
    return exe.parent_path().parent_path() / "share" / "partnering";
}

} // namespace

int main(int argc, char** argv)
{
    using namespace partnering;
    CLI::App app{"Partnering Journey: the partnership development journey, partnering agreements and "
                 "lessons learned.",
                 "partnering"};
    app.set_version_flag("--version", std::string("partnering ") + PARTNERING_VERSION);
    app.require_subcommand(1);
    app.footer("Exit codes: 0 success; 1 some inputs were rejected, the others were processed; 2 bad command "
               "line; 3 invalid input, nothing written; 4 environment failure (files, database); 5 internal "
               "error.\nRun 'partnering COMMAND --help' for a command's options.");

    cli::Context context{findDataDir()};
    cli::addStepsCommand(app, context);
    cli::addLessonsCommands(app, context);
    cli::addAgreementCommands(app, context);
    cli::addTranslationCommands(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return cli::kUsage;
    } catch (const InvalidInput& e) {
        std::cerr << "partnering: " << e.what() << '\n';
        return cli::kInvalidInput;
    } catch (const EnvironmentFailure& e) {
        std::cerr << "partnering: " << e.what() << '\n';
        return cli::kEnvironmentFailure;
    } catch (const std::exception& e) {
        std::cerr << "partnering: internal error: " << e.what() << '\n';
        return cli::kInternalError;
    }
    return context.exitCode;
}
