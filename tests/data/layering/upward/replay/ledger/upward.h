// Input of the layering test's self-check: a ledger header that includes the
// judge, a stage above it. check_layering.cmake must refuse it.
#include "replay/judge/rules.h"
