#include "sim/validation.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "model/type_registry.h"

namespace kreplay {
namespace {

// The kinds whose spec.replicas the API server checks with
// ValidateNonnegativeField (pkg/apis/apps/validation, core/validation).
constexpr const char* kReplicaKinds[] = {"Deployment", "ReplicaSet", "StatefulSet",
                                         "ReplicationController"};

// validation.IsNegativeErrorMsg.
constexpr char kNegative[] = "must be greater than or equal to 0";

// validation.DNS1123SubdomainErrorMsg with its example and regex, as
// ValidateObjectMeta reports a bad name.
constexpr char kSubdomain[] =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
    "'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
    "regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

// `Deployment.apps`: the qualified kind upstream's NewInvalid names.
std::string QualifiedKind(const Json& object) {
  std::string kind = GetString(object, "kind");
  const TypeInfo* type = LookupKind(kind);
  if (type != nullptr && !type->group.empty()) absl::StrAppend(&kind, ".", type->group);
  return kind;
}

absl::Status Invalid(const Json& object, const std::string& field, const std::string& value,
                     const std::string& detail) {
  return absl::InvalidArgumentError(absl::StrCat(
      QualifiedKind(object), " ", GoQuote(GetString(object, "metadata.name")),
      " is invalid: ", field, ": Invalid value: ", value, ": ", detail));
}

bool HasControlByte(const std::string& text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

absl::Status ValidateName(const Json& object) {
  std::string name = GetString(object, "metadata.name");
  if (!HasControlByte(name)) return absl::OkStatus();
  return Invalid(object, "metadata.name", GoQuote(name), kSubdomain);
}

absl::Status ValidateReplicas(const Json& object) {
  std::string kind = GetString(object, "kind");
  bool has_replicas = false;
  for (const char* k : kReplicaKinds) has_replicas |= kind == k;
  if (!has_replicas) return absl::OkStatus();
  const Json* replicas = Find(object, "spec.replicas");
  if (replicas == nullptr || !replicas->is_number()) return absl::OkStatus();
  if (replicas->is_number_unsigned()) return absl::OkStatus();
  if (replicas->is_number_integer()) {
    int64_t value = replicas->get<int64_t>();
    if (value >= 0) return absl::OkStatus();
    return Invalid(object, "spec.replicas", absl::StrCat(value), kNegative);
  }
  double value = replicas->get<double>();
  if (!(value < 0)) return absl::OkStatus();
  return Invalid(object, "spec.replicas", absl::StrCat(value), kNegative);
}

}  // namespace

std::string GoQuote(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\v': out += "\\v"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          absl::StrAppendFormat(&out, "\\x%02x", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out += "\"";
  return out;
}

absl::Status ValidateObject(const Json& object) {
  if (absl::Status s = ValidateName(object); !s.ok()) return s;
  return ValidateReplicas(object);
}

}  // namespace kreplay
