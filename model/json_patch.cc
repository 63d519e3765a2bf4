#include "model/json_patch.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

// Where an operation acts: a member name or index inside an object or array.
struct Location {
  Json* container;
  std::string key;
};

std::string DecodeToken(absl::string_view token) {
  // `~1` before `~0`, so that `~01` decodes to `~1` (RFC 6901 §4).
  return absl::StrReplaceAll(absl::StrReplaceAll(token, {{"~1", "/"}}),
                             {{"~0", "~"}});
}

// Go's strconv.Atoi: optional sign, then decimal digits (leading zeros ok).
std::optional<int64_t> GoAtoi(absl::string_view text) {
  absl::string_view digits = text;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    digits.remove_prefix(1);
  }
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return text[0] == '-' ? -value : value;
}

absl::Status InvalidIndex(int64_t index) {
  return absl::FailedPreconditionError(absl::StrCat(
      "Unable to access invalid index: ", index, ": invalid index referenced"));
}

absl::Status NotAnIndex(absl::string_view key) {
  return absl::FailedPreconditionError(absl::StrCat(
      "strconv.Atoi: parsing \"", key, "\": invalid syntax"));
}

// An index into `array` for get/replace/remove: [-size, size).
absl::StatusOr<size_t> ExistingIndex(const Json& array, absl::string_view key) {
  std::optional<int64_t> index = GoAtoi(key);
  if (!index) return NotAnIndex(key);
  int64_t size = static_cast<int64_t>(array.size());
  if (*index >= size || *index < -size) return InvalidIndex(*index);
  return static_cast<size_t>(*index < 0 ? *index + size : *index);
}

// An insertion point for add: `-`, or [-(size+1), size].
absl::StatusOr<size_t> InsertIndex(const Json& array, absl::string_view key) {
  if (key == "-") return array.size();
  std::optional<int64_t> index = GoAtoi(key);
  if (!index) {
    return absl::FailedPreconditionError(absl::StrCat(
        "value was not a proper array index: '", key, "': ",
        NotAnIndex(key).message()));
  }
  int64_t slots = static_cast<int64_t>(array.size()) + 1;
  if (*index >= slots || *index < -slots) return InvalidIndex(*index);
  return static_cast<size_t>(*index < 0 ? *index + slots : *index);
}

// One intermediate step; nullptr when absent, null, or not a container.
Json* Step(Json& node, const std::string& token) {
  Json* next = nullptr;
  if (node.is_object()) {
    auto it = node.find(token);
    if (it != node.end()) next = &*it;
  } else if (node.is_array()) {
    absl::StatusOr<size_t> index = ExistingIndex(node, token);
    if (index.ok()) next = &node[*index];
  }
  if (next == nullptr || !(next->is_object() || next->is_array())) {
    return nullptr;
  }
  return next;
}

// Splits like evanphx's findObject: the text before the first `/` is ignored.
std::optional<Location> FindParent(Json& doc, absl::string_view path) {
  std::vector<absl::string_view> parts = absl::StrSplit(path, '/');
  if (parts.size() < 2) return std::nullopt;
  Json* node = &doc;
  for (size_t i = 1; i + 1 < parts.size(); ++i) {
    node = Step(*node, DecodeToken(parts[i]));
    if (node == nullptr) return std::nullopt;
  }
  return Location{node, DecodeToken(parts.back())};
}

absl::Status Add(const Location& at, Json value) {
  if (at.container->is_object()) {
    (*at.container)[at.key] = std::move(value);
    return absl::OkStatus();
  }
  KREPLAY_ASSIGN_OR_RETURN(size_t index, InsertIndex(*at.container, at.key));
  at.container->insert(at.container->begin() + index, std::move(value));
  return absl::OkStatus();
}

// A missing object member reads as null, as in evanphx.
absl::StatusOr<Json> Get(const Location& at) {
  if (at.container->is_object()) {
    auto it = at.container->find(at.key);
    return it == at.container->end() ? Json() : *it;
  }
  KREPLAY_ASSIGN_OR_RETURN(size_t index, ExistingIndex(*at.container, at.key));
  return (*at.container)[index];
}

absl::Status Remove(const Location& at) {
  if (at.container->is_object()) {
    if (at.container->erase(at.key) == 0) {
      return absl::FailedPreconditionError(absl::StrCat(
          "Unable to remove nonexistent key: ", at.key, ": missing value"));
    }
    return absl::OkStatus();
  }
  KREPLAY_ASSIGN_OR_RETURN(size_t index, ExistingIndex(*at.container, at.key));
  at.container->erase(at.container->begin() + index);
  return absl::OkStatus();
}

absl::Status Replace(const Location& at, Json value) {
  if (at.container->is_object()) {
    (*at.container)[at.key] = std::move(value);
    return absl::OkStatus();
  }
  KREPLAY_ASSIGN_OR_RETURN(size_t index, ExistingIndex(*at.container, at.key));
  (*at.container)[index] = std::move(value);
  return absl::OkStatus();
}

absl::Status Wrap(const absl::Status& status, absl::string_view context) {
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat(context, ": ", status.message()));
}

absl::Status MissingPath(absl::string_view op, absl::string_view what,
                         absl::string_view path) {
  return absl::FailedPreconditionError(absl::StrCat(
      op, " operation does not apply: doc is missing ", what, path,
      ": missing value"));
}

Json ValueOf(const Json& op) {
  auto it = op.find("value");
  return it == op.end() ? Json() : *it;
}

// The `path` or `from` member of an operation.
absl::StatusOr<std::string> PointerOf(const Json& op, const char* member,
                                      absl::string_view kind) {
  auto it = op.find(member);
  if (it == op.end() || !it->is_string()) {
    return absl::InvalidArgumentError(absl::StrCat(
        kind, " operation failed to decode ", member, ": missing value"));
  }
  return it->get<std::string>();
}

absl::StatusOr<Location> Resolve(Json& doc, const Json& op, const char* member,
                                 absl::string_view kind,
                                 absl::string_view what) {
  KREPLAY_ASSIGN_OR_RETURN(std::string path, PointerOf(op, member, kind));
  std::optional<Location> at = FindParent(doc, path);
  if (!at) return MissingPath(kind, what, path);
  return *at;
}

// What the `copy` operations of one patch may add, in JSON nodes (every
// object, array and scalar counts one). Counting stops at the limit, so a
// huge copied value costs no more than the limit to measure.
class CopyBudget {
 public:
  // Errors: ResourceExhausted once the patch's copies together exceed
  // kMaxJsonPatchCopiedNodes, in the wording of evanphx's
  // AccumulatedCopySizeError (with nodes for bytes).
  absl::Status Spend(const Json& value) {
    std::vector<const Json*> stack = {&value};
    while (!stack.empty()) {
      const Json* node = stack.back();
      stack.pop_back();
      if (++spent_ > kMaxJsonPatchCopiedNodes) {
        return absl::ResourceExhaustedError(absl::StrCat(
            "Unable to complete the copy, the accumulated size increase of copy is over ",
            kMaxJsonPatchCopiedNodes, " nodes, exceeding the limit ",
            kMaxJsonPatchCopiedNodes, " (docs/limits.md)"));
      }
      if (node->is_structured()) {
        for (const Json& child : *node) stack.push_back(&child);
      }
    }
    return absl::OkStatus();
  }

 private:
  int64_t spent_ = 0;
};

absl::Status OpAdd(Json& doc, const Json& op, CopyBudget&) {
  KREPLAY_ASSIGN_OR_RETURN(Location at, Resolve(doc, op, "path", "add", "path: "));
  return Wrap(Add(at, ValueOf(op)),
              absl::StrCat("error in add for path: '", op["path"].get<std::string>(), "'"));
}

absl::Status OpRemove(Json& doc, const Json& op, CopyBudget&) {
  KREPLAY_ASSIGN_OR_RETURN(Location at,
                           Resolve(doc, op, "path", "remove", "path: "));
  return Wrap(Remove(at), absl::StrCat("error in remove for path: '",
                                       op["path"].get<std::string>(), "'"));
}

absl::Status OpReplace(Json& doc, const Json& op, CopyBudget&) {
  KREPLAY_ASSIGN_OR_RETURN(Location at,
                           Resolve(doc, op, "path", "replace", "path: "));
  if (!Get(at).ok()) {
    return MissingPath("replace", "key: ", op["path"].get<std::string>());
  }
  return Replace(at, ValueOf(op));
}

absl::Status OpMove(Json& doc, const Json& op, CopyBudget&) {
  KREPLAY_ASSIGN_OR_RETURN(Location from,
                           Resolve(doc, op, "from", "move", "from path: "));
  std::string context = absl::StrCat("error in move for path: '", from.key, "'");
  absl::StatusOr<Json> value = Get(from);
  KREPLAY_RETURN_IF_ERROR(Wrap(value.status(), context));
  KREPLAY_RETURN_IF_ERROR(Wrap(Remove(from), context));
  KREPLAY_ASSIGN_OR_RETURN(
      Location to, Resolve(doc, op, "path", "move", "destination path: "));
  return Wrap(Add(to, *std::move(value)),
              absl::StrCat("error in move for path: '",
                           op["path"].get<std::string>(), "'"));
}

absl::Status OpCopy(Json& doc, const Json& op, CopyBudget& budget) {
  KREPLAY_ASSIGN_OR_RETURN(Location from,
                           Resolve(doc, op, "from", "copy", "from path: "));
  absl::StatusOr<Json> value = Get(from);
  KREPLAY_RETURN_IF_ERROR(Wrap(
      value.status(), absl::StrCat("error in copy for from: '",
                                   op["from"].get<std::string>(), "'")));
  KREPLAY_RETURN_IF_ERROR(budget.Spend(*value));
  KREPLAY_ASSIGN_OR_RETURN(
      Location to, Resolve(doc, op, "path", "copy", "destination path: "));
  return Wrap(Add(to, *std::move(value)),
              "error while adding value during copy");
}

// Null and missing are the same to evanphx's test (a nil node); otherwise
// values compare as decoded JSON, so 1 equals 1.0.
absl::Status OpTest(Json& doc, const Json& op, CopyBudget&) {
  KREPLAY_ASSIGN_OR_RETURN(Location at, Resolve(doc, op, "path", "test", "path: "));
  std::string path = op["path"].get<std::string>();
  absl::StatusOr<Json> actual = Get(at);
  KREPLAY_RETURN_IF_ERROR(
      Wrap(actual.status(), absl::StrCat("error in test for path: '", path, "'")));
  if (*actual == ValueOf(op)) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("testing value ", path, " failed: test failed"));
}

struct OpEntry {
  const char* name;
  absl::Status (*apply)(Json& doc, const Json& op, CopyBudget& budget);
};

constexpr OpEntry kOps[] = {
    {"add", &OpAdd},   {"remove", &OpRemove}, {"replace", &OpReplace},
    {"move", &OpMove}, {"copy", &OpCopy},     {"test", &OpTest},
};

absl::Status ApplyOne(Json& doc, const Json& op, CopyBudget& budget) {
  auto kind = op.find("op");
  std::string name = kind != op.end() && kind->is_string()
                         ? kind->get<std::string>()
                         : "unknown";
  for (const OpEntry& entry : kOps) {
    if (name == entry.name) return entry.apply(doc, op, budget);
  }
  return absl::InvalidArgumentError(absl::StrCat("Unexpected kind: ", name));
}

}  // namespace

absl::StatusOr<Json> ApplyJsonPatch(const Json& doc, const Json& ops) {
  if (ops.is_null()) return doc;
  if (!ops.is_array()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "json: cannot unmarshal ", ops.type_name(),
        " into Go value of type jsonpatch.Patch"));
  }
  for (const Json& op : ops) {
    if (!op.is_object()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "json: cannot unmarshal ", op.type_name(),
          " into Go value of type jsonpatch.Operation"));
    }
  }
  if (ops.size() > kMaxJsonPatchOperations) {
    return absl::ResourceExhaustedError(
        absl::StrCat("The allowed maximum operations in a JSON patch is ",
                     kMaxJsonPatchOperations, ", got ", ops.size()));
  }
  Json result = doc;
  CopyBudget budget;
  for (const Json& op : ops) KREPLAY_RETURN_IF_ERROR(ApplyOne(result, op, budget));
  return result;
}

}  // namespace kreplay
