#include "cli/patch_command.h"

#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "cli/exit_status.h"
#include "model/go_json_writer.h"
#include "model/manifest.h"
#include "model/patch.h"
#include "model/status_macros.h"
#include "model/yaml_writer.h"

namespace kreplay {
namespace {

struct PatchOptions {
  std::string file;
  std::string type = "strategic";
  std::string patch;
  std::string patch_file;
  std::string output;
  bool local = true;
};

absl::StatusOr<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("the path \"", path, "\" does not exist"));
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

absl::StatusOr<Json> ReadPatch(const PatchOptions& options) {
  if (options.patch_file.empty()) return ParseJsonOrYaml(options.patch, "--patch");
  KREPLAY_ASSIGN_OR_RETURN(std::string text, ReadText(options.patch_file));
  return ParseJsonOrYaml(text, options.patch_file);
}

// kubectl's `<resource>.<group>/<name>`, e.g. deployment.apps/web.
std::string ResourceName(const Json& object) {
  std::string api_version = GetString(object, "apiVersion");
  size_t slash = api_version.find('/');
  std::string group = slash == std::string::npos ? "" : api_version.substr(0, slash);
  return absl::StrCat(absl::AsciiStrToLower(GetString(object, "kind")),
                      group.empty() ? "" : ".", group, "/",
                      GetString(object, "metadata.name"));
}

// kubectl decodes the result as an object and refuses one without a kind.
absl::Status CheckResult(const Json& result) {
  if (!result.is_object() || GetString(result, "kind").empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Object 'Kind' is missing in '", GoMarshal(result), "'"));
  }
  return absl::OkStatus();
}

void Print(const PatchOptions& options, const Json& before, const Json& after,
           std::ostream& out) {
  if (options.output == "json") {
    out << GoMarshalIndent(after, 4);
  } else if (options.output == "yaml") {
    out << ToYaml(after);
  } else if (options.output == "name") {
    out << ResourceName(after) << "\n";
  } else {
    out << ResourceName(after) << " patched" << (before == after ? " (no change)" : "")
        << "\n";
  }
}

int Fail(const absl::Status& status, std::ostream& err) {
  PrintError(status.message(), err);
  return absl::IsNotFound(status) ? kExitNoInput : kExitDataError;
}

int Run(const PatchOptions& options, std::ostream& out, std::ostream& err) {
  if (options.patch.empty() == options.patch_file.empty()) {
    PrintError("exactly one of -p/--patch and --patch-file is required", err);
    return kExitUsage;
  }
  PatchType type = *ParsePatchType(options.type);
  absl::StatusOr<std::string> text = ReadText(options.file);
  if (!text.ok()) return Fail(text.status(), err);
  absl::StatusOr<std::vector<Json>> objects = ParseManifests(*text, options.file);
  if (!objects.ok()) return Fail(objects.status(), err);
  if (objects->empty()) {
    // kubectl patch -f on a file without objects: "no objects passed to patch".
    PrintError(absl::StrCat(options.file, ": no objects passed to patch"), err);
    return kExitDataError;
  }
  absl::StatusOr<Json> patch = ReadPatch(options);
  if (!patch.ok()) return Fail(patch.status(), err);
  // The patch engines work on decoded JSON and know no lines: a failure names
  // the object file, the object and where the patch came from.
  const std::string patch_source = options.patch_file.empty() ? "--patch" : options.patch_file;
  int code = 0;
  for (const Json& object : *objects) {
    absl::StatusOr<Json> result = ApplyPatch(object, *patch, type);
    absl::Status status = result.ok() ? CheckResult(*result) : result.status();
    if (!status.ok()) {
      PrintError(absl::StrCat(options.file, ": ", ResourceName(object), ": ", status.message(),
                              " (patch from ", patch_source, ")"),
                 err);
      code = kExitDataError;
      continue;
    }
    Print(options, object, *result, out);
  }
  return code;
}

}  // namespace

CommandRun SetupPatchCommand(CLI::App& sub) {
  auto options = std::make_shared<PatchOptions>();
  sub.add_option("-f,--filename", options->file, "Object(s) to patch (YAML or JSON)")
      ->required();
  sub.add_option("--type", options->type, "Patch type (default strategic)")
      ->check(CLI::IsMember({"strategic", "merge", "json"}));
  sub.add_option("-p,--patch", options->patch, "The patch (JSON or YAML)");
  sub.add_option("--patch-file", options->patch_file, "A file holding the patch");
  sub.add_option("-o,--output", options->output, "Output format")
      ->check(CLI::IsMember({"json", "yaml", "name"}));
  sub.add_flag("--local", options->local, "Accepted for kubectl compatibility; always local");
  return [options](std::ostream& out, std::ostream& err) {
    return Run(*options, out, err);
  };
}

}  // namespace kreplay
