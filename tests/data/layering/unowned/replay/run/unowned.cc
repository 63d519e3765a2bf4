// Input of the layering test's self-check: an include of a header that no
// library owns (none lives at replay/'s root). check_layering.cmake must
// refuse it.
#include "replay/report.h"
