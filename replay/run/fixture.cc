#include "replay/run/fixture.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/container/btree_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "model/jsonpath.h"
#include "model/manifest.h"
#include "model/status_macros.h"
#include "model/yaml_reader.h"
#include "replay/run/agent_rbac.h"
#include "replay/run/scene_step_reader.h"
#include "re2/re2.h"
#include "sim/validation.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

// The JSON pointer of a field as messages name it: `checks[3].jsonpath` is
// /checks/3/jsonpath; a note after the field (`baseline.files[0] (base.yaml,
// object 2)`) is dropped.
std::string PointerOfField(absl::string_view field) {
  field = field.substr(0, field.find(' '));
  std::string pointer;
  for (char c : field) {
    if (c == '.' || c == '[') {
      pointer += '/';
    } else if (c != ']') {
      pointer += c;
    }
  }
  return field.empty() ? pointer : "/" + pointer;
}

// Reads typed fields of one fixture document, naming file, line and field
// on error (the line of the field, else of the nearest enclosing one).
class Reader {
 public:
  Reader(std::string file, FieldPositions positions)
      : file_(std::move(file)), positions_(std::move(positions)) {}

  absl::Status Error(const std::string& field, const std::string& expected) const {
    return absl::InvalidArgumentError(absl::StrCat(Where(field), ": ", field, ": ", expected));
  }

  // `file:line` of `field`, or `file` when its line is unknown.
  std::string Where(const std::string& field) const {
    TextPosition at = PositionOfField(positions_, PointerOfField(field));
    return at.line > 0 ? absl::StrCat(file_, ":", at.line) : file_;
  }

  absl::StatusOr<std::string> String(const Json& node, const std::string& key,
                                     const std::string& field, bool required) const {
    const Json* v = node.is_object() ? Find(node, key) : nullptr;
    if (v == nullptr || v->is_null()) {
      if (required) return Error(field, "required string is missing");
      return std::string();
    }
    if (!v->is_string()) return Error(field, "expected a string");
    return v->get<std::string>();
  }

  absl::StatusOr<std::vector<std::string>> Strings(const Json& node, const std::string& key,
                                                   const std::string& field) const {
    std::vector<std::string> out;
    const Json* v = node.is_object() ? Find(node, key) : nullptr;
    if (v == nullptr || v->is_null()) return out;
    if (!v->is_array()) return Error(field, "expected a list of strings");
    for (const Json& item : *v) {
      if (!item.is_string()) return Error(field, "expected a list of strings");
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  absl::Status Known(const Json& node, const std::set<std::string>& keys,
                     const std::string& field) const {
    if (!node.is_object()) return Error(field, "expected a mapping");
    for (const auto& [key, value] : node.items()) {
      if (!keys.contains(key)) {
        return Error(field.empty() ? key : absl::StrCat(field, ".", key),
                     absl::StrCat("unknown field (expected one of: ",
                                  absl::StrJoin(keys, ", "), ")"));
      }
    }
    return absl::OkStatus();
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  FieldPositions positions_;
};

// Reads a regular file of at most kMaxFixtureFileBytes. Errors: NotFound
// when it cannot be opened; InvalidArgument for a directory, a device, a
// pipe or socket, or a file over the limit (a device such as /dev/zero would
// otherwise be read forever).
absl::StatusOr<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return absl::NotFoundError(absl::StrCat(path.string(), ": cannot open file"));
  }
  if (fs::is_directory(status)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path.string(), ": is a directory, not a manifest file"));
  }
  if (!fs::is_regular_file(status)) {
    return absl::InvalidArgumentError(absl::StrCat(
        path.string(), ": not a regular file (a device, pipe or socket)"));
  }
  uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxFixtureFileBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        path.string(), ": ", size, " bytes, over the limit of ", kMaxFixtureFileBytes,
        " bytes for a fixture file (docs/limits.md)"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path.string(), ": cannot open file"));
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > kMaxFixtureFileBytes) {  // grew while read
    return absl::InvalidArgumentError(absl::StrCat(
        path.string(), ": over the limit of ", kMaxFixtureFileBytes,
        " bytes for a fixture file (docs/limits.md)"));
  }
  return text.str();
}

// `file` as named in the fixture, resolved against the fixture's directory
// with symlinks followed. Errors: NotFound when it does not exist;
// InvalidArgument when it lies outside `dir` and `options` does not allow it.
absl::StatusOr<fs::path> ResolveFixtureFile(const fs::path& dir, const std::string& file,
                                            const FixtureOptions& options) {
  std::error_code ec;
  fs::path resolved = fs::canonical(dir / file, ec);
  if (ec) return absl::NotFoundError(absl::StrCat((dir / file).string(), ": cannot open file"));
  if (options.allow_outside_fixture) return resolved;
  fs::path root = fs::canonical(dir.empty() ? fs::path(".") : dir, ec);
  if (ec) return absl::NotFoundError(absl::StrCat(dir.string(), ": cannot open directory"));
  fs::path relative = resolved.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") {
    return absl::InvalidArgumentError(absl::StrCat(
        file, " resolves to ", resolved.string(), ", outside the fixture's directory ",
        root.string(), " (pass --allow-outside-fixture to read it)"));
  }
  return resolved;
}

bool HasControlByte(const std::string& text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// Checks one baseline object's name and namespace for control characters
// (a NUL byte would be cut or printed raw by everything downstream) and
// that no earlier baseline object has its key. `seen` maps keys to where
// they were declared.
absl::Status CheckBaselineObject(const Reader& r, const Json& object, const std::string& where,
                                 absl::btree_map<std::string, std::string>& seen) {
  for (const char* path : {"metadata.name", "metadata.namespace"}) {
    std::string value = GetString(object, path);
    if (HasControlByte(value)) {
      return r.Error(absl::StrCat(where, ".", path),
                     absl::StrCat(GoQuote(value), ": a name must not contain control characters"));
    }
  }
  ObjectKey parsed = KeyOf(object);
  if (parsed.kind.empty() || parsed.name.empty()) return absl::OkStatus();  // the cluster refuses it
  std::string key = parsed.ToString();
  auto [it, inserted] = seen.try_emplace(key, where);
  if (!inserted) {
    return r.Error(where, absl::StrCat(key, " is already in the baseline (", it->second,
                                       "); declare each object once"));
  }
  return absl::OkStatus();
}

// The manifests of fixture file `file` (baseline.files, a scene step's
// `file:`), with the rules of ResolveFixtureFile and ReadFile. Errors: theirs
// (a message without the fixture's name), and ParseManifests'.
absl::StatusOr<std::vector<Json>> ReadFixtureManifests(const fs::path& dir, const std::string& file,
                                                       const FixtureOptions& options) {
  KREPLAY_ASSIGN_OR_RETURN(fs::path path, ResolveFixtureFile(dir, file, options));
  KREPLAY_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  absl::StatusOr<std::vector<Json>> objects = ParseManifests(text, (dir / file).string());
  if (!objects.ok()) return absl::InvalidArgumentError(objects.status().message());
  return objects;
}

absl::Status ReadBaseline(const Reader& r, const Json& doc, const fs::path& dir,
                          const FixtureOptions& options, Fixture& f) {
  const Json* baseline = Find(doc, "baseline");
  if (baseline == nullptr) return r.Error("baseline", "required field is missing");
  KREPLAY_RETURN_IF_ERROR(r.Known(*baseline, {"files", "objects", "applied"}, "baseline"));
  if (const Json* applied = Find(*baseline, "applied")) {
    if (!applied->is_boolean()) return r.Error("baseline.applied", "expected true or false");
    f.baseline_applied = applied->get<bool>();
  }
  KREPLAY_ASSIGN_OR_RETURN(std::vector<std::string> files,
                           r.Strings(*baseline, "files", "baseline.files"));
  absl::btree_map<std::string, std::string> seen;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string field = absl::StrCat("baseline.files[", i, "]");
    absl::StatusOr<fs::path> path = ResolveFixtureFile(dir, files[i], options);
    if (!path.ok()) return r.Error(field, std::string(path.status().message()));
    absl::StatusOr<std::string> text = ReadFile(*path);
    if (!text.ok()) return r.Error(field, std::string(text.status().message()));
    KREPLAY_ASSIGN_OR_RETURN(std::vector<Json> objects,
                             ParseManifests(*text, (dir / files[i]).string()));
    for (size_t j = 0; j < objects.size(); ++j) {
      KREPLAY_RETURN_IF_ERROR(CheckBaselineObject(
          r, objects[j], absl::StrCat(field, " (", files[i], ", object ", j + 1, ")"), seen));
      f.baseline.push_back(std::move(objects[j]));
    }
  }
  if (const Json* objects = Find(*baseline, "objects")) {
    if (!objects->is_array()) return r.Error("baseline.objects", "expected a list of manifests");
    for (size_t j = 0; j < objects->size(); ++j) {
      KREPLAY_RETURN_IF_ERROR(CheckBaselineObject(
          r, (*objects)[j], absl::StrCat("baseline.objects[", j, "]"), seen));
      f.baseline.push_back((*objects)[j]);
    }
  }
  return absl::OkStatus();
}

absl::Status ReadFault(const Reader& r, const Json& doc, const SceneFileReader& read_file,
                       Fixture& f) {
  const Json* fault = Find(doc, "fault");
  if (fault == nullptr) return absl::OkStatus();
  KREPLAY_RETURN_IF_ERROR(r.Known(
      *fault, {"description", "objects", "needs_change", "steps", "after_break"}, "fault"));
  KREPLAY_ASSIGN_OR_RETURN(f.fault_description,
                           r.String(*fault, "description", "fault.description", false));
  KREPLAY_ASSIGN_OR_RETURN(f.fault_objects, r.Strings(*fault, "objects", "fault.objects"));
  if (const Json* needs = Find(*fault, "needs_change")) {
    if (!needs->is_boolean()) return r.Error("fault.needs_change", "expected true or false");
    f.fault_needs_change = needs->get<bool>();
  }
  FieldWhere where = [&r](const std::string& field) { return r.Where(field); };
  KREPLAY_ASSIGN_OR_RETURN(
      f.fault_steps, ReadSceneSteps(r.file(), Find(*fault, "steps"), "fault.steps", read_file, where));
  KREPLAY_ASSIGN_OR_RETURN(f.fault_after_break,
                           ReadSceneSteps(r.file(), Find(*fault, "after_break"), "fault.after_break",
                                          read_file, where));
  return absl::OkStatus();
}

// The check types the judge implements, with the fields each reads besides
// name, type, object, when_failed and only_if (any other field is an error
// naming it). replay/judge/checks.cc has the same types with their
// evaluators; run/ may not include judge/, so a test keeps the two equal
// (tests/replay/judge/checks_test.cc).
const absl::btree_map<std::string, std::set<std::string>> kCheckFields = {
    {"deployment-ready", {}},
    {"service-endpoints", {}},
    {"field-equals", {"pointer", "value"}},
    {"field-absent", {"pointer"}},
    {"object-exists", {}},
    {"object-absent", {}},
    {"jsonpath-equals", {"jsonpath", "value"}},
    {"jsonpath-matches", {"jsonpath", "pattern"}},
    {"jsonpath-contains", {"jsonpath", "contains"}},
    {"access-review", {"user", "reviews", "value"}},  // no object
};

const absl::btree_map<std::string, CheckFailure> kCheckFailures = {
    {"fail", CheckFailure::kFail}, {"incomplete", CheckFailure::kIncomplete}};

bool IsJsonPathCheck(const std::string& type) { return type.starts_with("jsonpath-"); }

// The jsonpath-* types: a template kreplay can read, and what the text is
// compared with (value, an RE2 pattern or texts it must contain).
absl::Status ReadJsonPath(const Reader& r, const Json& c, const std::string& at, Check& check) {
  if (!IsJsonPathCheck(check.type)) return absl::OkStatus();
  KREPLAY_ASSIGN_OR_RETURN(check.jsonpath, r.String(c, "jsonpath", at + ".jsonpath", false));
  if (check.jsonpath.empty()) return r.Error(at + ".jsonpath", "required for " + check.type);
  if (absl::Status s = EvaluateJsonPath(check.jsonpath, Json::object()).status(); !s.ok()) {
    return r.Error(at + ".jsonpath", std::string(s.message()));
  }
  if (check.type == "jsonpath-equals" && !check.value.is_string()) {
    return r.Error(at + ".value", "expected the text the template prints");
  }
  if (check.type == "jsonpath-matches") {
    KREPLAY_ASSIGN_OR_RETURN(check.pattern, r.String(c, "pattern", at + ".pattern", true));
    // RE2: linear time, no recursion (fixture patterns are untrusted).
    RE2 re(check.pattern, RE2::Quiet);
    if (!re.ok()) {
      return r.Error(at + ".pattern",
                     absl::StrCat("expected a valid RE2 regular expression (", re.error(), ")"));
    }
  }
  if (check.type == "jsonpath-contains") {
    const Json* contains = Find(c, "contains");
    if (contains == nullptr || !contains->is_array() || contains->empty()) {
      return r.Error(at + ".contains", "expected a non-empty list of texts the template prints");
    }
    KREPLAY_ASSIGN_OR_RETURN(check.contains, r.Strings(c, "contains", at + ".contains"));
  }
  return absl::OkStatus();
}

// when_failed and only_if. `earlier` holds the names of the checks above.
absl::Status ReadCheckGuards(const Reader& r, const Json& c, const std::string& at,
                             const std::set<std::string>& earlier, Check& check) {
  KREPLAY_ASSIGN_OR_RETURN(std::string when, r.String(c, "when_failed", at + ".when_failed", false));
  if (!when.empty()) {
    auto it = kCheckFailures.find(when);
    if (it == kCheckFailures.end()) return r.Error(at + ".when_failed", "expected fail or incomplete");
    check.when_failed = it->second;
  }
  KREPLAY_ASSIGN_OR_RETURN(check.only_if, r.String(c, "only_if", at + ".only_if", false));
  if (!check.only_if.empty() && !earlier.contains(check.only_if)) {
    return r.Error(at + ".only_if", absl::StrCat("\"", check.only_if,
                                                 "\" is not the name of a check listed above"));
  }
  return absl::OkStatus();
}

absl::Status ReadChecks(const Reader& r, const Json& doc, Fixture& f) {
  const Json* checks = Find(doc, "checks");
  if (checks == nullptr) return absl::OkStatus();
  if (!checks->is_array()) return r.Error("checks", "expected a list of checks");
  std::set<std::string> earlier;
  for (size_t i = 0; i < checks->size(); ++i) {
    const Json& c = (*checks)[i];
    std::string at = absl::StrCat("checks[", i, "]");
    if (!c.is_object()) return r.Error(at, "expected a mapping");
    Check check;
    check.field = at;
    KREPLAY_ASSIGN_OR_RETURN(check.type, r.String(c, "type", at + ".type", true));
    auto fields = kCheckFields.find(check.type);
    if (fields == kCheckFields.end()) {
      return r.Error(at + ".type", absl::StrCat("unknown check type \"", check.type,
                                                "\" (expected one of: ",
                                                absl::StrJoin(FixtureCheckTypes(), ", "), ")"));
    }
    std::set<std::string> known = fields->second;
    known.insert({"name", "type", "object", "when_failed", "only_if"});
    KREPLAY_RETURN_IF_ERROR(r.Known(c, known, at));
    bool access_review = check.type == "access-review";
    KREPLAY_ASSIGN_OR_RETURN(check.object,
                             r.String(c, "object", at + ".object", !access_review));
    if (access_review) {
      KREPLAY_RETURN_IF_ERROR(ReadAccessReview(c, r.file(), at, check.user, check.reviews));
    }
    KREPLAY_ASSIGN_OR_RETURN(check.pointer, r.String(c, "pointer", at + ".pointer", false));
    bool field_check = check.type == "field-equals" || check.type == "field-absent";
    if (field_check && check.pointer.empty()) return r.Error(at + ".pointer", "required for " + check.type);
    if (!check.pointer.empty() && check.pointer[0] != '/') {
      return r.Error(at + ".pointer", "expected a JSON pointer starting with / (RFC 6901)");
    }
    if (check.type == "field-equals" && !c.contains("value")) return r.Error(at + ".value", "required for field-equals");
    if (c.contains("value")) check.value = c["value"];
    KREPLAY_RETURN_IF_ERROR(ReadJsonPath(r, c, at, check));
    KREPLAY_RETURN_IF_ERROR(ReadCheckGuards(r, c, at, earlier, check));
    KREPLAY_ASSIGN_OR_RETURN(check.name, r.String(c, "name", at + ".name", false));
    if (check.name.empty()) {
      check.name = absl::StrCat(check.type, "/", access_review ? check.user : check.object);
    }
    earlier.insert(check.name);
    f.checks.push_back(std::move(check));
  }
  return absl::OkStatus();
}

absl::Status ReadAuthority(const Reader& r, const Json& doc, Fixture& f) {
  const Json* a = Find(doc, "authority");
  if (a == nullptr) return absl::OkStatus();
  KREPLAY_RETURN_IF_ERROR(r.Known(*a, {"namespaces", "allow", "protected"}, "authority"));
  KREPLAY_ASSIGN_OR_RETURN(f.authority.namespaces,
                           r.Strings(*a, "namespaces", "authority.namespaces"));
  KREPLAY_ASSIGN_OR_RETURN(f.authority.protected_objects,
                           r.Strings(*a, "protected", "authority.protected"));
  const Json* allow = Find(*a, "allow");
  if (allow == nullptr) return absl::OkStatus();
  if (!allow->is_array()) return r.Error("authority.allow", "expected a list of permissions");
  for (size_t i = 0; i < allow->size(); ++i) {
    std::string at = absl::StrCat("authority.allow[", i, "]");
    KREPLAY_RETURN_IF_ERROR(r.Known((*allow)[i], {"verbs", "objects"}, at));
    Permission permission;
    KREPLAY_ASSIGN_OR_RETURN(permission.verbs, r.Strings((*allow)[i], "verbs", at + ".verbs"));
    KREPLAY_ASSIGN_OR_RETURN(permission.objects, r.Strings((*allow)[i], "objects", at + ".objects"));
    f.authority.allow.push_back(std::move(permission));
  }
  return absl::OkStatus();
}

absl::Status ReadAutopsy(const Reader& r, const Json& doc, Fixture& f) {
  const Json* a = Find(doc, "autopsy");
  if (a == nullptr) return absl::OkStatus();
  KREPLAY_RETURN_IF_ERROR(r.Known(*a, {"expected_diagnostics", "forbidden_actions"}, "autopsy"));
  KREPLAY_ASSIGN_OR_RETURN(f.autopsy.expected_diagnostics,
                           r.Strings(*a, "expected_diagnostics", "autopsy.expected_diagnostics"));
  const Json* forbidden = Find(*a, "forbidden_actions");
  if (forbidden == nullptr) return absl::OkStatus();
  if (!forbidden->is_array()) return r.Error("autopsy.forbidden_actions", "expected a list");
  for (size_t i = 0; i < forbidden->size(); ++i) {
    const Json& item = (*forbidden)[i];
    std::string at = absl::StrCat("autopsy.forbidden_actions[", i, "]");
    KREPLAY_RETURN_IF_ERROR(r.Known(item, {"command", "object", "severity", "reason"}, at));
    ForbiddenAction action;
    KREPLAY_ASSIGN_OR_RETURN(action.command, r.String(item, "command", at + ".command", false));
    KREPLAY_ASSIGN_OR_RETURN(action.object, r.String(item, "object", at + ".object", false));
    KREPLAY_ASSIGN_OR_RETURN(action.reason, r.String(item, "reason", at + ".reason", false));
    KREPLAY_ASSIGN_OR_RETURN(std::string severity, r.String(item, "severity", at + ".severity", false));
    if (!severity.empty()) {
      std::optional<FindingSeverity> parsed = ParseSeverity(severity);
      if (!parsed) return r.Error(at + ".severity", "expected info, warning or critical");
      action.severity = *parsed;
    }
    if (action.command.empty() == action.object.empty()) {
      return r.Error(at, "expected exactly one of command or object");
    }
    f.autopsy.forbidden.push_back(std::move(action));
  }
  return absl::OkStatus();
}

absl::StatusOr<Fixture> Parse(const fs::path& file, const FixtureOptions& options) {
  KREPLAY_ASSIGN_OR_RETURN(std::string text, ReadFile(file));
  KREPLAY_ASSIGN_OR_RETURN(
      std::vector<YamlDocument> docs,
      ReadYamlDocuments(text, file.string(), YamlReadOptions{.field_positions = true}));
  if (docs.size() != 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        file.string(), ": expected exactly one YAML document, found ", docs.size()));
  }
  Reader r(file.string(), std::move(docs[0].fields));
  const Json& doc = docs[0].value;
  KREPLAY_RETURN_IF_ERROR(r.Known(doc, {"apiVersion", "kind", "name", "description", "start",
                                        "baseline", "fault", "chaos", "world", "checks",
                                        "authority", "authority_profile", "autopsy"}, ""));
  KREPLAY_ASSIGN_OR_RETURN(std::string api, r.String(doc, "apiVersion", "apiVersion", true));
  if (api != "kreplay.dev/v1") return r.Error("apiVersion", "expected kreplay.dev/v1");
  Fixture f;
  f.file = file.string();
  f.dir = file.parent_path().string();
  KREPLAY_ASSIGN_OR_RETURN(f.name, r.String(doc, "name", "name", true));
  KREPLAY_ASSIGN_OR_RETURN(f.description, r.String(doc, "description", "description", false));
  KREPLAY_ASSIGN_OR_RETURN(f.start_time, r.String(doc, "start", "start", false));
  if (f.start_time.empty()) f.start_time = "2026-01-01T00:00:00Z";
  absl::Time start;
  std::string time_error;
  if (!absl::ParseTime(absl::RFC3339_full, f.start_time, &start, &time_error)) {
    return r.Error("start", absl::StrCat("expected an RFC 3339 time such as "
                                         "2026-01-01T00:00:00Z, got \"", f.start_time, "\""));
  }
  KREPLAY_RETURN_IF_ERROR(ReadBaseline(r, doc, file.parent_path(), options, f));
  SceneFileReader read_file = [&](const std::string& name) {
    return ReadFixtureManifests(file.parent_path(), name, options);
  };
  KREPLAY_RETURN_IF_ERROR(ReadFault(r, doc, read_file, f));
  FieldWhere where = [&r](const std::string& field) { return r.Where(field); };
  KREPLAY_ASSIGN_OR_RETURN(ChaosPlan chaos, ReadChaos(r.file(), Find(doc, "chaos"), read_file, where));
  f.chaos = std::move(chaos.steps);
  f.chaos_stop_on_agent_done = chaos.stop_on_agent_done;
  absl::StatusOr<World> world = WorldFromJson(doc.value("world", Json()));
  // The world's messages start with their field (`world.images[0].image: ...`).
  if (!world.ok()) {
    absl::string_view message = world.status().message();
    std::string field(message.substr(0, message.find(':')));
    return absl::InvalidArgumentError(absl::StrCat(r.Where(field), ": ", message));
  }
  f.world = *std::move(world);
  KREPLAY_RETURN_IF_ERROR(ReadChecks(r, doc, f));
  KREPLAY_RETURN_IF_ERROR(ReadAuthority(r, doc, f));
  KREPLAY_ASSIGN_OR_RETURN(f.authority_profile, ReadAuthorityProfile(doc, f.file));
  if (f.authority_profile) AddAgentRbac(*f.authority_profile, f.baseline);
  KREPLAY_RETURN_IF_ERROR(ReadAutopsy(r, doc, f));
  return f;
}

}  // namespace

std::vector<std::string> FixtureCheckTypes() {
  std::vector<std::string> out;
  for (const auto& [type, fields] : kCheckFields) out.push_back(type);
  return out;
}

std::vector<std::string> DefaultFixtureDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("KREPLAY_FIXTURES"); env && *env) dirs.push_back(env);
  dirs.push_back("fixtures");
#ifdef KREPLAY_BUILTIN_FIXTURES
  dirs.push_back(KREPLAY_BUILTIN_FIXTURES);
#endif
  return dirs;
}

absl::StatusOr<Fixture> LoadFixture(const std::string& name_or_path,
                                    const std::vector<std::string>& search_dirs,
                                    const FixtureOptions& options) {
  fs::path given(name_or_path);
  std::error_code ec;
  if (fs::is_regular_file(given, ec)) return Parse(given, options);
  if (fs::is_directory(given, ec) && fs::exists(given / "fixture.yaml", ec)) {
    return Parse(given / "fixture.yaml", options);
  }
  bool bare = name_or_path.find('/') == std::string::npos;
  for (const std::string& dir : search_dirs) {
    fs::path candidate = fs::path(dir) / name_or_path / "fixture.yaml";
    if (bare && fs::exists(candidate, ec)) return Parse(candidate, options);
  }
  return absl::NotFoundError(absl::StrCat(
      "fixture \"", name_or_path, "\" not found (looked for a fixture.yaml at that path",
      bare ? absl::StrCat(" and under: ", absl::StrJoin(search_dirs, ", ")) : "", ")"));
}

}  // namespace kreplay
