#ifndef BCSH_CLIBEDIT_SHIM_H
#define BCSH_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
