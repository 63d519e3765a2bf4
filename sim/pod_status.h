// Reading pod status the way controllers do: active, ready, terminating.
#ifndef KREPLAY_SIM_POD_STATUS_H_
#define KREPLAY_SIM_POD_STATUS_H_

#include "model/json.h"

namespace kreplay {

// Not terminating and not finished (phase Succeeded or Failed).
bool IsPodActive(const Json& pod);

// The Ready condition is True.
bool IsPodReady(const Json& pod);

// The uid of the pod's (or any object's) controller ownerReference; "" if none.
std::string ControllerUid(const Json& object);

}  // namespace kreplay

#endif  // KREPLAY_SIM_POD_STATUS_H_
