//===- ModpostWhitelist.h - modpost 6.12's exemptions -----------*- C++ -*-===//
//
// secref_whitelist() of scripts/mod/modpost.c, by name and section exactly
// as modpost applies it, so that initcheck and the kernel build agree.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_MODPOSTWHITELIST_H
#define INITCHECK_CHECKS_MODPOSTWHITELIST_H

#include "checks/model/Facts.h"

namespace initcheck {

/// True when modpost would let \p From reference \p To, or when \p From is
/// data whose name matches one of \p Extra (fnmatch patterns).
bool isModpostWhitelisted(const Symbol &From, const Symbol &To,
                          const std::vector<std::string> &Extra = {});

} // namespace initcheck

#endif
