#include "ccoredumps.h"

#include <sys/prctl.h>
#include <sys/resource.h>

int bcsh_disable_core_dumps(void) {
  struct rlimit none = {0, 0};
  int limited = setrlimit(RLIMIT_CORE, &none);
  int undumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  return limited == 0 && undumpable == 0 ? 0 : -1;
}
