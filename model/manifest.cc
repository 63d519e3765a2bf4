#include "model/manifest.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/status_macros.h"
#include "model/yaml_reader.h"

namespace kreplay {
namespace {

constexpr const char* kRequiredFields[] = {"apiVersion", "kind"};

// Where a manifest came from, for messages.
struct Origin {
  int document = 0;
  int item = 0;  // 1-based position within a List; 0 for a whole document
  TextPosition position;
};

absl::Status ManifestError(absl::string_view source, const Origin& origin,
                           absl::string_view what) {
  std::string where(source);
  if (origin.position.line > 0) {
    absl::StrAppend(&where, ":", origin.position.line, ":", origin.position.column);
  }
  absl::StrAppend(&where, ": document ", origin.document);
  if (origin.item > 0) absl::StrAppend(&where, ", item ", origin.item);
  return absl::InvalidArgumentError(absl::StrCat(where, ": ", what));
}

const char* Describe(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: return "a mapping";
    case Json::value_t::array: return "a sequence";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::null: return "null";
    default: break;
  }
  return "a number";
}

std::string FieldProblems(const Json& object) {
  std::vector<std::string> problems;
  for (const char* field : kRequiredFields) {
    const auto found = object.find(field);
    if (found == object.end()) {
      problems.push_back(absl::StrCat("missing \"", field, "\""));
    } else if (!found->is_string() || found->get<std::string>().empty()) {
      problems.push_back(absl::StrCat("\"", field, "\" must be a non-empty string"));
    }
  }
  return absl::StrJoin(problems, "; ");
}

// kubectl flattens any *List that carries an items array.
bool IsList(const Json& value) {
  if (!value.is_object()) return false;
  const auto kind = value.find("kind");
  const auto items = value.find("items");
  return kind != value.end() && kind->is_string() &&
         absl::EndsWith(kind->get<std::string>(), "List") && items != value.end() &&
         items->is_array();
}

absl::Status AddManifest(Json value, const Origin& origin, absl::string_view source,
                         const std::vector<TextPosition>& item_positions,
                         std::vector<Json>* out) {
  if (IsList(value)) {
    Json& items = value["items"];
    for (size_t i = 0; i < items.size(); ++i) {
      Origin item = {origin.document, static_cast<int>(i + 1), origin.position};
      if (i < item_positions.size()) item.position = item_positions[i];
      KREPLAY_RETURN_IF_ERROR(AddManifest(std::move(items[i]), item, source, {}, out));
    }
    return absl::OkStatus();
  }
  if (!value.is_object()) {
    return ManifestError(source, origin,
                         absl::StrCat("expected a mapping with apiVersion and kind, got ",
                                      Describe(value)));
  }
  if (std::string problems = FieldProblems(value); !problems.empty()) {
    return ManifestError(source, origin, problems);
  }
  out->push_back(std::move(value));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<Json>> ParseYamlStream(absl::string_view text,
                                                  absl::string_view source) {
  KREPLAY_ASSIGN_OR_RETURN(std::vector<YamlDocument> documents,
                           ReadYamlDocuments(text, source));
  std::vector<Json> values;
  values.reserve(documents.size());
  for (YamlDocument& document : documents) values.push_back(std::move(document.value));
  return values;
}

absl::StatusOr<Json> ParseJsonOrYaml(absl::string_view text, absl::string_view source) {
  KREPLAY_ASSIGN_OR_RETURN(std::vector<YamlDocument> documents,
                           ReadYamlDocuments(text, source));
  if (documents.size() != 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        source, ": expected exactly one YAML or JSON document, found ", documents.size()));
  }
  return std::move(documents[0].value);
}

absl::StatusOr<std::vector<Json>> ParseManifests(absl::string_view text,
                                                 absl::string_view source) {
  KREPLAY_ASSIGN_OR_RETURN(std::vector<YamlDocument> documents,
                           ReadYamlDocuments(text, source));
  std::vector<Json> manifests;
  for (YamlDocument& document : documents) {
    const Origin origin = {document.number, 0, document.position};
    KREPLAY_RETURN_IF_ERROR(AddManifest(std::move(document.value), origin, source,
                                        document.item_positions, &manifests));
  }
  return manifests;
}

}  // namespace kreplay
