#ifndef BCSH_CCOREDUMPS_H
#define BCSH_CCOREDUMPS_H

/*
 * Keeps bcsh's memory, which holds access tokens and client secrets, out of core dumps and out of
 * reach of same-user debuggers, as ssh-agent and gpg-agent do. prctl is variadic, which Swift
 * cannot call; this fixed-argument wrapper is the whole C surface.
 */

/** Sets the core-file limit to 0 (soft and hard) and marks the process not dumpable. Returns 0, or
 * -1 when either call failed (errno says why). */
int bcsh_disable_core_dumps(void);

#endif
