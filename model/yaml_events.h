// Json documents built straight from yaml-cpp's parser events.
//
// Used by model/yaml_reader.cc instead of YAML::LoadAll: no yaml-cpp node
// graph is built, Kubernetes' rules apply as values arrive (YAML 1.1
// scalars, `<<` merges in kubectl's order, duplicate keys rejected,
// non-string keys rendered as strings), and limits stop runaway input:
// alias expansion ("billion laughs"), nesting, and yaml-cpp 0.7's own
// endless loop on a stray ',' outside a flow collection, which emits empty
// documents forever. A problem stops the parser by throwing YamlStop from
// the event callback; the caller catches it.
#ifndef KREPLAY_MODEL_YAML_EVENTS_H_
#define KREPLAY_MODEL_YAML_EVENTS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "model/json.h"
#include "model/yaml_reader.h"
#include "model/yaml_scalar.h"

namespace kreplay {

// InvalidArgument "<source>:<line>:<col>: <what>" for a yaml-cpp mark
// (0-based) as a 1-based position.
absl::Status YamlErrorAt(absl::string_view source, const YAML::Mark& mark, absl::string_view what);

// Thrown by JsonEventBuilder to stop yaml-cpp; carries the error.
struct YamlStop {
  absl::Status status;
};

class JsonEventBuilder : public YAML::EventHandler {
 public:
  // `text` is the whole input (for positions and quote checks); `source`
  // names it in messages; `field_positions` records where every key and
  // sequence element starts (YamlDocument::fields).
  JsonEventBuilder(absl::string_view text, absl::string_view source,
                   bool field_positions = false);

  // The document the last HandleNextDocument call produced, numbered
  // `number`; nullopt for an empty or null document.
  std::optional<YamlDocument> TakeDocument(int number);

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override { EndCollection(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override { EndCollection(); }

 private:
  // A mapping or sequence being built.
  struct Frame {
    Json value;
    YAML::Mark mark;
    YAML::anchor_t anchor = YAML::NullAnchor;
    bool is_map = false;
    std::optional<std::string> key;  // maps: the key whose value comes next
    bool merge_next = false;         // maps: the next value is a `<<` merge
    // Maps, once a merge mixed other keys in: the keys written explicitly.
    std::optional<std::set<std::string>> explicit_keys;
  };

  [[noreturn]] void Fail(const YAML::Mark& mark, absl::string_view what) const;
  void StartNode(const YAML::Mark& mark, bool collection);
  bool ExpectingKey() const;
  void StartCollection(const YAML::Mark& mark, YAML::anchor_t anchor, bool is_map);
  void EndCollection();
  void Add(Json value, const YAML::Mark& mark, YAML::anchor_t anchor);
  void Merge(Frame& map, const Json& source, const YAML::Mark& mark) const;
  void SetKey(const YAML::Mark& mark, std::string key);
  void OnKeyScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                   const std::string& text);
  ResolvedScalar Resolve(const YAML::Mark& mark, const std::string& tag,
                         const std::string& text) const;
  void CheckQuoteClosed(const YAML::Mark& mark) const;
  void Charge(const YAML::Mark& mark, size_t values);
  // The JSON pointer of the value the top frame receives next; `key` for a
  // mapping's new key.
  std::string PointerOfNext(const std::string* key) const;

  absl::string_view text_;
  absl::string_view source_;
  size_t values_left_;
  size_t events_left_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, Json> anchors_;  // completed anchored values
  Json document_;
  TextPosition position_;
  std::vector<TextPosition> item_positions_;
  bool record_fields_ = false;
  FieldPositions fields_;
};

}  // namespace kreplay

#endif  // KREPLAY_MODEL_YAML_EVENTS_H_
