#include "replay/kubectl/arg_grammar.h"

#include <algorithm>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

absl::string_view ParentOf(absl::string_view path) {
  size_t space = path.rfind(' ');
  return space == absl::string_view::npos ? absl::string_view() : path.substr(0, space);
}

absl::string_view LastWordOf(absl::string_view path) {
  size_t space = path.rfind(' ');
  return space == absl::string_view::npos ? path : path.substr(space + 1);
}

bool TokenMatches(absl::string_view token, absl::string_view command,
                  const ArgGrammar& grammar) {
  if (token == "*" || token == command) return true;
  if (absl::ConsumePrefix(&token, "@")) {
    for (const CommandGroup& group : grammar.groups) {
      if (token == group.name) {
        return CommandListMatches(group.commands, command, grammar);
      }
    }
    return false;
  }
  if (absl::ConsumeSuffix(&token, "*")) return absl::StartsWith(command, token);
  return false;
}

const CommandSpec* FindCommand(absl::string_view path, const ArgGrammar& grammar) {
  for (const CommandSpec& spec : grammar.commands) {
    if (spec.path == path) return &spec;
  }
  return nullptr;
}

bool NamesCommand(const CommandSpec& spec, absl::string_view word) {
  if (LastWordOf(spec.path) == word) return true;
  for (absl::string_view alias : absl::StrSplit(spec.aliases, ',', absl::SkipEmpty())) {
    if (alias == word) return true;
  }
  return false;
}

// The subcommand of `path` spelled `word`, or nullptr.
const CommandSpec* FindChild(absl::string_view path, absl::string_view word,
                             const ArgGrammar& grammar) {
  for (const CommandSpec& spec : grammar.commands) {
    if (ParentOf(spec.path) == path && NamesCommand(spec, word)) return &spec;
  }
  return nullptr;
}

std::string ChildList(absl::string_view path, const ArgGrammar& grammar) {
  std::vector<std::string> children;
  for (const CommandSpec& spec : grammar.commands) {
    if (ParentOf(spec.path) == path) children.emplace_back(LastWordOf(spec.path));
  }
  std::sort(children.begin(), children.end());
  return absl::StrJoin(children, ", ");
}

// One left-to-right pass over the words, as cobra's command lookup and
// pflag's parser do together: command words are recognised until the first
// positional that is not a subcommand, flags are looked up for the command
// path known at the point where they appear.
class Splitter {
 public:
  Splitter(absl::Span<const std::string> words, const ArgGrammar& grammar)
      : words_(words), grammar_(grammar) {}

  absl::StatusOr<ParsedArgs> Run() {
    while (next_ < words_.size()) {
      KREPLAY_RETURN_IF_ERROR(Step(words_[next_++]));
    }
    const CommandSpec* spec = FindCommand(out_.command, grammar_);
    // `kubectl rollout --help` prints help instead of complaining.
    if (spec != nullptr && spec->needs_subcommand && !out_.Bool("help")) {
      return absl::InvalidArgumentError(
          absl::StrCat(grammar_.program, " ", out_.command, ": expected a subcommand (",
                       ChildList(out_.command, grammar_), ")"));
    }
    return std::move(out_);
  }

 private:
  absl::Status Step(const std::string& word) {
    if (word == "--") {
      out_.dash = true;
      out_.after_dash.assign(words_.begin() + next_, words_.end());
      next_ = words_.size();
      return absl::OkStatus();
    }
    if (absl::StartsWith(word, "--") && word.size() > 2) return LongFlag(word.substr(2));
    if (word.size() > 1 && word[0] == '-') return ShortFlags(word.substr(1));
    return Positional(word);
  }

  absl::Status Positional(const std::string& word) {
    if (!frozen_) {
      if (const CommandSpec* child = FindChild(out_.command, word, grammar_)) {
        out_.command = child->path;
        return absl::OkStatus();
      }
      const CommandSpec* spec = FindCommand(out_.command, grammar_);
      if (out_.command.empty() || (spec != nullptr && spec->needs_subcommand)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "unknown command \"", word, "\" for \"", grammar_.program,
            out_.command.empty() ? "" : " ", out_.command,
            "\"; expected one of: ", ChildList(out_.command, grammar_)));
      }
      frozen_ = true;
    }
    out_.positionals.push_back(word);
    return absl::OkStatus();
  }

  const FlagSpec* Lookup(absl::string_view name, char shorthand) const {
    for (const FlagSpec& spec : grammar_.flags) {
      bool named = shorthand != 0 ? spec.shorthand == shorthand : name == spec.name;
      if (named && CommandListMatches(spec.commands, out_.command, grammar_)) return &spec;
    }
    return nullptr;
  }

  absl::Status LongFlag(absl::string_view body) {
    std::pair<absl::string_view, absl::string_view> parts =
        absl::StrSplit(body, absl::MaxSplits('=', 1));
    bool has_value = body.find('=') != absl::string_view::npos;
    const FlagSpec* spec = Lookup(parts.first, 0);
    if (spec == nullptr) {
      out_.unknown_flags.push_back(absl::StrCat("--", parts.first));
      Store(std::string(parts.first), has_value ? parts.second : "true", false);
      return absl::OkStatus();
    }
    std::string shown = absl::StrCat("--", spec->name);
    if (has_value || spec->arity == FlagArity::kBool || spec->arity == FlagArity::kOptional) {
      return Set(*spec, shown, has_value ? std::optional<absl::string_view>(parts.second)
                                         : std::nullopt);
    }
    if (next_ >= words_.size()) {
      return absl::InvalidArgumentError(absl::StrCat("flag needs an argument: ", shown));
    }
    return Set(*spec, shown, words_[next_++]);
  }

  absl::Status ShortFlags(absl::string_view body) {
    for (size_t i = 0; i < body.size(); ++i) {
      const FlagSpec* spec = Lookup("", body[i]);
      std::string shown = absl::StrCat("-", body.substr(i, 1));
      absl::string_view rest = body.substr(i + 1);
      if (spec == nullptr) {
        out_.unknown_flags.push_back(absl::StrCat("-", body.substr(i)));
        return absl::OkStatus();
      }
      bool takes = spec->arity == FlagArity::kValue || spec->arity == FlagArity::kSlice;
      if (!takes && !absl::StartsWith(rest, "=")) {
        KREPLAY_RETURN_IF_ERROR(Set(*spec, shown, std::nullopt));
        continue;
      }
      absl::ConsumePrefix(&rest, "=");
      if (!rest.empty() || !takes) return Set(*spec, shown, rest);
      if (next_ >= words_.size()) {
        return absl::InvalidArgumentError(
            absl::StrCat("flag needs an argument: '", body.substr(i, 1), "' in -", body));
      }
      return Set(*spec, shown, words_[next_++]);
    }
    return absl::OkStatus();
  }

  absl::Status Set(const FlagSpec& spec, absl::string_view shown,
                   std::optional<absl::string_view> value) {
    switch (spec.arity) {
      case FlagArity::kBool: {
        KREPLAY_ASSIGN_OR_RETURN(bool on, ParseFlagBool(shown, value.value_or("true")));
        Store(spec.name, on ? "true" : "false", false);
        return absl::OkStatus();
      }
      case FlagArity::kOptional:
        Store(spec.name, value.value_or(spec.no_opt_value), false);
        return absl::OkStatus();
      case FlagArity::kValue:
      case FlagArity::kSlice:
        Store(spec.name, *value, spec.arity == FlagArity::kSlice);
        return absl::OkStatus();
    }
    return absl::OkStatus();
  }

  void Store(const std::string& name, absl::string_view value, bool split) {
    std::vector<std::string>& values = out_.flags[name];
    if (!split) {
      values.emplace_back(value);
      return;
    }
    for (absl::string_view part : absl::StrSplit(value, ',')) values.emplace_back(part);
  }

  absl::Span<const std::string> words_;
  const ArgGrammar& grammar_;
  size_t next_ = 0;
  bool frozen_ = false;
  ParsedArgs out_;
};

}  // namespace

absl::StatusOr<ParsedArgs> ParseArgs(absl::Span<const std::string> words,
                                     const ArgGrammar& grammar) {
  return Splitter(words, grammar).Run();
}

bool ParsedArgs::Has(absl::string_view name) const {
  return flags.find(std::string(name)) != flags.end();
}

const std::string* ParsedArgs::Last(absl::string_view name) const {
  auto it = flags.find(std::string(name));
  return it == flags.end() || it->second.empty() ? nullptr : &it->second.back();
}

std::vector<std::string> ParsedArgs::Values(absl::string_view name) const {
  auto it = flags.find(std::string(name));
  return it == flags.end() ? std::vector<std::string>() : it->second;
}

bool ParsedArgs::Bool(absl::string_view name) const {
  const std::string* value = Last(name);
  return value != nullptr && *value == "true";
}

bool CommandListMatches(absl::string_view commands, absl::string_view command,
                        const ArgGrammar& grammar) {
  for (absl::string_view token : absl::StrSplit(commands, ',', absl::SkipEmpty())) {
    if (TokenMatches(token, command, grammar)) return true;
  }
  return false;
}

absl::StatusOr<bool> ParseFlagBool(absl::string_view flag, absl::string_view word) {
  static constexpr absl::string_view kTrue[] = {"1", "t", "T", "TRUE", "true", "True"};
  static constexpr absl::string_view kFalse[] = {"0", "f", "F", "FALSE", "false", "False"};
  if (std::find(std::begin(kTrue), std::end(kTrue), word) != std::end(kTrue)) return true;
  if (std::find(std::begin(kFalse), std::end(kFalse), word) != std::end(kFalse)) return false;
  return absl::InvalidArgumentError(absl::StrCat("invalid argument \"", word, "\" for \"",
                                                 flag, "\" flag: expected true or false"));
}

}  // namespace kreplay
