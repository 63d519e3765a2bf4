#include "cli/command_line.h"

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

bool IsShortWithEquals(const std::string& arg) {
  return arg.size() >= 3 && arg[0] == '-' && arg[1] != '-' && arg[2] == '=';
}

// Whether `app` expects a subcommand name as its next word.
bool ExpectsSubcommand(const CLI::App& app) {
  if (app.get_subcommands([](const CLI::App*) { return true; }).empty()) return false;
  return app.get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
}

const CLI::App* FindSubcommand(const CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

// "kreplay ledger" for the ledger subcommand.
std::string CommandPath(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) names.push_back(a->get_name());
  return absl::StrJoin(names.rbegin(), names.rend(), " ");
}

const CLI::App& DeepestParsed(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->parsed()) return DeepestParsed(*sub);
  }
  return app;
}

// The first argument no command consumed, from the deepest command up.
std::optional<std::string> FirstLeftOver(const CLI::App& root) {
  for (const CLI::App* a = &DeepestParsed(root); a != nullptr; a = a->get_parent()) {
    std::vector<std::string> left = a->remaining(false);
    if (!left.empty()) return left.front();
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> NormalizeShortOptions(const std::vector<std::string>& args) {
  std::vector<std::string> normalized;
  bool options_done = false;
  for (const std::string& arg : args) {
    if (arg == "--") options_done = true;
    if (!options_done && IsShortWithEquals(arg)) {
      normalized.push_back(arg.substr(0, 2));
      normalized.push_back(arg.substr(3));
    } else {
      normalized.push_back(arg);
    }
  }
  return normalized;
}

std::optional<UnknownCommandError> UnknownCommand(const CLI::App& root,
                                                  const std::vector<std::string>& args) {
  const CLI::App* app = &root;
  for (const std::string& arg : args) {
    if (!ExpectsSubcommand(*app)) return std::nullopt;
    if (arg == "--") return std::nullopt;
    if (arg.starts_with("-")) continue;  // --help and the like: CLI11's to judge
    const CLI::App* sub = FindSubcommand(*app, arg);
    if (sub == nullptr) {
      return UnknownCommandError{
          absl::StrCat("unknown command \"", arg, "\" for \"", CommandPath(*app), "\""),
          absl::StrCat("See '", CommandPath(*app), " --help' for usage.")};
    }
    app = sub;
  }
  return std::nullopt;
}

std::string UsageMessage(const CLI::App& root, const CLI::ParseError& error) {
  // An argument nobody took is what went wrong first, whatever CLI11 found
  // missing after it (kubectl too names the unknown flag before anything).
  std::optional<std::string> left = FirstLeftOver(root);
  if (!left.has_value()) return error.what();
  if (!left->starts_with("-") || left->size() == 1) {
    return absl::StrCat("unexpected argument: ", *left);
  }
  return absl::StrCat("unknown flag: ", left->substr(0, left->find('=')));
}

std::string UsageHint(const CLI::App& root) {
  return absl::StrCat("See '", CommandPath(DeepestParsed(root)), " --help' for usage.");
}

}  // namespace kreplay
