//===- FactsReader.h - Reading a facts payload -------------------*- C++ -*-===//
//
// The decoder's reader of varints, strings and locations (FactsDecode.cpp):
// every read is checked, and the first one past the end, or out of range,
// fails the record.
//
//===----------------------------------------------------------------------===//
#ifndef INITCHECK_CHECKS_FACTSREADER_H
#define INITCHECK_CHECKS_FACTSREADER_H

#include "checks/facts/FactsFormat.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace initcheck {
namespace facts_detail {

class Reader {
public:
  explicit Reader(llvm::StringRef Data)
      : P(Data.data()), End(Data.data() + Data.size()) {}
  bool failed() const { return Failed; }
  size_t remaining() const { return End - P; }
  uint64_t u() {
    if (P != End && !(*P & 0x80)) // most numbers are below 128
      return uint8_t(*P++);
    uint64_t V = 0;
    for (unsigned Shift = 0; Shift < 64; Shift += 7) {
      if (P == End)
        return fail();
      uint8_t Byte = *P++;
      V |= uint64_t(Byte & 0x7f) << Shift;
      if (!(Byte & 0x80))
        return V;
    }
    return fail();
  }
  llvm::StringRef raw(size_t N) {
    if (remaining() < N) {
      fail();
      return "";
    }
    llvm::StringRef S(P, N);
    P += N;
    return S;
  }
  /// A string-table index.
  uint32_t str() {
    uint64_t I = u();
    if (I >= Strings.size()) {
      fail();
      return 0;
    }
    return I;
  }
  PackedLocation loc() {
    PackedLocation L;
    L.File = str();
    L.Line = u();
    L.Column = u();
    return L;
  }
  void readTable() {
    uint64_t N = u();
    if (N > remaining()) {
      fail();
      return;
    }
    Strings.reserve(N);
    for (uint64_t I = 0; I != N && !Failed; ++I)
      Strings.push_back(raw(u()));
  }
  /// A count of items, then each as \p Each reads it (until a read fails);
  /// \p Reserve is given the count first. False when the count is over
  /// \p Limit, as only a corrupt record's can be.
  template <typename EachFn, typename ReserveFn>
  bool list(uint64_t Limit, EachFn Each, ReserveFn Reserve) {
    uint64_t N = u();
    if (N > Limit)
      return false;
    Reserve(N);
    for (uint64_t I = 0; I != N && !Failed; ++I)
      Each();
    return true;
  }
  template <typename EachFn> bool list(uint64_t Limit, EachFn Each) {
    return list(Limit, Each, [](uint64_t) {});
  }
  /// An index that must be below \p Limit.
  unsigned index(size_t Limit) {
    uint64_t I = u();
    if (I >= Limit)
      fail();
    return Failed ? 0 : I;
  }
  std::vector<llvm::StringRef> Strings;

private:
  uint64_t fail() {
    Failed = true;
    P = End;
    return 0;
  }
  const char *P, *End;
  bool Failed = false;
};

} // namespace facts_detail
} // namespace initcheck

#endif
