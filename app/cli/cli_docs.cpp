#include "app/cli/cli_docs.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace jobcrawler::app {
namespace {

// The parts of the man page that are not in the CLI11 definition.
constexpr std::string_view kDescription = R"(.B jobcrawler
finds IT-leadership jobs (IT-Leiter, Head of IT, CIO, ...) in a region across job boards and
company career pages. It crawls the sources of its config file politely into an SQLite database,
keeps one record per job however many pages show it, and exports, reports and monitors them.
It is made to run unattended from cron or a systemd timer.
.PP
Where a command reads the config,
.B \-\-config
names it; without it,
.I ./config.toml
is used when present, else the built-in default (the shipped config).
Every command takes
.BR \-\-help .
)";

constexpr std::string_view kTrailer = R"(.SH EXIT STATUS
.TP
.B 0
Success.
.TP
.B 1
Runtime failure (database, I/O).
.TP
.B 2
Bad arguments or config; the message names the problem, for config errors the file, line and key.
.TP
.B 3
Another crawl holds the database.
.TP
.B 4
(crawl) The run completed but a source looks broken.
.SH FILES
.TP
.I /etc/jobcrawler/config.toml
The packaged config, commented key by key.
.TP
.I /var/lib/jobcrawler/
The database and report of the packaged systemd service
.RB ( jobcrawler.service ,
started daily by
.BR jobcrawler.timer ).
.TP
.IB database .lock
Held by a running crawl.
.SH EXAMPLES
.nf
jobcrawler demo
jobcrawler crawl \-\-config /etc/jobcrawler/config.toml \-\-report\-new
jobcrawler export \-\-format csv \-\-output jobs.csv
jobcrawler report \-\-output /var/www/jobs.html
systemctl enable \-\-now jobcrawler.timer
.fi
.SH SEE ALSO
.BR cron (8),
.BR systemd.timer (5),
.BR systemd.exec (5)
)";

// Prose for roff: backslashes escaped, no line may start with a control
// character.
std::string RoffText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else {
      out += c;
    }
    if (c == '\n') out += "\\&";
  }
  return (out.starts_with('.') || out.starts_with('\'')) ? "\\&" + out : out;
}

// Option names and literal words: also '-' as a real hyphen-minus.
std::string RoffName(std::string_view text) {
  std::string out;
  for (char c : RoffText(text)) {
    if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

// The app's description without its leading "jobcrawler: ".
std::string_view Summary(std::string_view description) {
  constexpr std::string_view kPrefix = "jobcrawler: ";
  if (description.starts_with(kPrefix)) description.remove_prefix(kPrefix.size());
  return description;
}

std::vector<const CLI::App*> Subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

// The options --help lists: not hidden, not the help flag.
std::vector<const CLI::Option*> Options(const CLI::App& command) {
  const CLI::Option* help = command.get_help_ptr();
  return command.get_options(
      [help](const CLI::Option* option) { return option != help && !option->get_group().empty(); });
}

bool TakesValue(const CLI::Option& option) { return option.get_items_expected_max() > 0; }

// "[--db TEXT]", "[--quiet]", "id".
std::string SynopsisItem(const CLI::Option& option) {
  if (!option.nonpositional()) {
    const std::string name = "\\fI" + RoffName(option.get_name(true)) + "\\fR";
    return option.get_required() ? name : "[" + name + "]";
  }
  std::string item = "\\fB" + RoffName(option.get_name()) + "\\fR";
  if (TakesValue(option)) item += " \\fI" + RoffName(option.get_type_name()) + "\\fR";
  return option.get_required() ? item : "[" + item + "]";
}

void WriteOption(const CLI::Option& option, std::ostream& out) {
  out << ".TP\n";
  if (!option.nonpositional()) {
    out << ".I " << RoffName(option.get_name(true)) << '\n';
  } else {
    out << "\\fB" << RoffName(option.get_name(false, true)) << "\\fR";
    if (TakesValue(option)) out << " \\fI" << RoffName(option.get_type_name()) << "\\fR";
    out << '\n';
  }
  out << RoffText(option.get_description());
  if (!option.get_default_str().empty()) {
    out << " (default: " << RoffText(option.get_default_str()) << ")";
  }
  out << '\n';
}

void WriteCommand(const CLI::App& command, std::ostream& out) {
  out << ".SS \"" << RoffName(command.get_name()) << "\"\n.B jobcrawler "
      << RoffName(command.get_name());
  for (const CLI::Option* option : Options(command)) out << "\n" << SynopsisItem(*option);
  out << "\n.PP\n" << RoffText(command.get_description()) << ".\n";
  for (const CLI::Option* option : Options(command)) WriteOption(*option, out);
}

// Words for `compgen -W`: the option's names.
std::string OptionWords(const CLI::App& command) {
  std::string words;
  for (const CLI::Option* option : Options(command)) {
    if (!option->nonpositional()) continue;
    for (const std::string& name : option->get_lnames()) words += " --" + name;
    for (const std::string& name : option->get_snames()) words += " -" + name;
  }
  return words + " --help";
}

// An option whose value is a file: its description says so.
bool TakesPath(const CLI::Option& option) {
  const std::string& description = option.get_description();
  return description.find("file") != std::string::npos ||
         description.find("database") != std::string::npos;
}

// A positional argument that is text (a file or URL), not a number.
bool TakesFileArgument(const CLI::App& command) {
  for (const CLI::Option* option : Options(command)) {
    if (!option->nonpositional() && option->get_type_name().starts_with("TEXT")) return true;
  }
  return false;
}

// "csv jsonl atom" from a type name such as "TEXT:{csv,jsonl,atom}"; "" when
// the option is not restricted to a set.
std::string ValueSet(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  const std::size_t open = type.find('{');
  const std::size_t close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return "";
  std::string values = type.substr(open + 1, close - open - 1);
  for (char& c : values) {
    if (c == ',') c = ' ';
  }
  return values;
}

// The case arms for `prev`: value sets, then file names for text values.
void WriteValueCompletions(const CLI::App& app, std::ostream& out) {
  std::vector<std::string> seen;
  for (const CLI::App* command : Subcommands(app)) {
    for (const CLI::Option* option : Options(*command)) {
      if (!TakesValue(*option) || !option->nonpositional()) continue;
      const std::string names = option->get_name(false, true);
      if (std::find(seen.begin(), seen.end(), names) != seen.end()) continue;
      seen.push_back(names);
      std::string pattern = names;
      for (char& c : pattern) {
        if (c == ',') c = '|';
      }
      const std::string values = ValueSet(*option);
      if (!values.empty()) {
        out << "    " << pattern << ") COMPREPLY=($(compgen -W \"" << values
            << "\" -- \"$cur\")); return ;;\n";
      } else if (TakesPath(*option)) {
        out << "    " << pattern << ") compopt -o filenames 2>/dev/null; "
            << "COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
      } else {
        out << "    " << pattern << ") return ;;\n";
      }
    }
  }
}

}  // namespace

void WriteManPage(const CLI::App& app, std::string_view version, std::ostream& out) {
  out << ".\\\" Generated by jobcrawler --help-man from its command line definition.\n"
      << ".TH JOBCRAWLER 1 \"\" \"jobcrawler " << RoffText(version) << "\" \"User Commands\"\n"
      << ".SH NAME\njobcrawler \\- " << RoffText(Summary(app.get_description())) << "\n"
      << ".SH SYNOPSIS\n.B jobcrawler\n.I command\n.RI [ options ]\n"
      << ".br\n.B jobcrawler \\-\\-help\n.br\n.B jobcrawler \\-\\-version\n"
      << ".SH DESCRIPTION\n"
      << kDescription << ".SH COMMANDS\n";
  for (const CLI::App* command : Subcommands(app)) WriteCommand(*command, out);
  out << kTrailer;
}

void WriteBashCompletion(const CLI::App& app, std::ostream& out) {
  std::string commands;
  for (const CLI::App* command : Subcommands(app)) commands += " " + command->get_name();
  out << "# bash completion for jobcrawler. Generated by jobcrawler --help-completion\n"
      << "# from its command line definition.\n"
      << "_jobcrawler() {\n"
      << "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      << "  local command='' i\n"
      << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "    case ${COMP_WORDS[i]} in -*) ;; *) command=${COMP_WORDS[i]}; break ;; esac\n"
      << "  done\n"
      << "  [ -n \"$command\" ] && case $prev in\n";
  WriteValueCompletions(app, out);
  out << "  esac\n  case $command in\n"
      << "    '') COMPREPLY=($(compgen -W \"" << commands.substr(1)
      << " --help --version\" -- \"$cur\")) ;;\n";
  for (const CLI::App* command : Subcommands(app)) {
    out << "    " << command->get_name() << ") COMPREPLY=($(compgen -W \""
        << OptionWords(*command).substr(1) << "\" -- \"$cur\")";
    if (TakesFileArgument(*command)) out << " $(compgen -f -- \"$cur\")";
    out << ") ;;\n";
  }
  out << "  esac\n}\ncomplete -F _jobcrawler jobcrawler\n";
}

}  // namespace jobcrawler::app
