// The man page and the bash completion of the command line, written from
// the CLI11 definition that also answers --help (app/main.cpp), so that the
// three never disagree. `jobcrawler --help-man` and `--help-completion`
// (hidden options) print them; the build turns them into the packaged files.
#ifndef JOBCRAWLER_APP_CLI_CLI_DOCS_H_
#define JOBCRAWLER_APP_CLI_CLI_DOCS_H_

#include <iosfwd>
#include <string_view>

namespace CLI {
class App;
}  // namespace CLI

namespace jobcrawler::app {

// man(7) roff: NAME, SYNOPSIS, DESCRIPTION, one subsection per subcommand
// listing its arguments and options (names, value types, defaults and
// descriptions as --help shows them), then exit status, files and examples.
// Hidden options (empty group) are left out.
void WriteManPage(const CLI::App& app, std::string_view version, std::ostream& out);

// A bash completion script: subcommands, each one's options, the values of
// options restricted to a set (--format), and file names for options that
// take a path.
void WriteBashCompletion(const CLI::App& app, std::ostream& out);

}  // namespace jobcrawler::app

#endif  // JOBCRAWLER_APP_CLI_CLI_DOCS_H_
